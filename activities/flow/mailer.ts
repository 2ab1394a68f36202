import nodemailer from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Sends e-mail; the worker wires SMTP from SMTP_URL, or none (then e-mail steps fail clearly). */
export interface Mailer {
  send(mail: Mail): Promise<void>;
}

export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}

export class MailNotConfiguredError extends Error {
  override readonly name = 'MailNotConfiguredError';
  constructor() {
    super('This step sends e-mail, but no SMTP server is configured: set SMTP_URL (e.g. smtp://user:pass@mail.example.com:587).');
  }
}

export const noMailer: Mailer = {
  async send() {
    throw new MailNotConfiguredError();
  },
};
