// `npm run sample -- load|remove|status`: loads or removes the sample company on a running Milepost
// through its API (POST/DELETE /api/sample-company), so it is built by the same code as from the web
// page. Needs an API token of an ops person or admin in MILEPOST_TOKEN; the server is PUBLIC_URL,
// else http://localhost:$PORT.
import { loadConfig } from './config';
import { runCommand } from './run-command';

const usage = `Usage: npm run sample -- load|remove|status
Set MILEPOST_TOKEN to an API token of an ops person or admin (Account page, or POST /api/auth/tokens).
load    adds the sample company (people on three levels under you, the annual plan, KPI reports, a plan for you to approve)
remove  deletes exactly what the sample made, and stops its workflows
status  says whether it is loaded`;

const requests = { load: 'POST', remove: 'DELETE', status: 'GET' } as const;

async function main(): Promise<number> {
  const command = process.argv[2];
  if (command === undefined || command === '--help' || command === '-h' || !(command in requests)) {
    console.log(usage);
    return command === undefined || command.startsWith('-') ? 0 : 2;
  }
  const token = process.env.MILEPOST_TOKEN;
  if (!token) {
    console.error(`MILEPOST_TOKEN is not set.\n${usage}`);
    return 2;
  }
  const { publicUrl } = loadConfig();
  const response = await fetch(`${publicUrl}/api/sample-company`, { method: requests[command as keyof typeof requests], headers: { authorization: `Bearer ${token}` } });
  const body = (await response.json()) as Record<string, unknown> & { error?: { message: string } };
  if (!response.ok) {
    console.error(body.error?.message ?? `The server answered ${response.status}.`);
    return 1;
  }
  if (command === 'load') {
    const loaded = body as { people: unknown[]; projects: { name: string }[]; annualPlanApproved: boolean };
    console.log(`Loaded the sample company: ${loaded.people.length} people and ${loaded.projects.map((p) => `"${p.name}"`).join(', ')}.`);
    if (!loaded.annualPlanApproved) console.log('The annual plan still waits for its approval; see your inbox.');
  } else if (command === 'remove') {
    console.log(`Removed the sample company: ${String(body.people)} people and ${String(body.projects)} projects.`);
  } else {
    console.log(body.loaded ? `The sample company is loaded (${String(body.people)} people, ${String(body.projects)} projects).` : 'No sample company is loaded.');
  }
  return 0;
}

runCommand(main);
