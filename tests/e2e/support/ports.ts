/** Where the end-to-end tests find the two built sites; E2E_PORT moves both (the demo takes the next port). */
export const port = Number(process.env.E2E_PORT ?? 4329);
export const demoPort = Number(process.env.E2E_DEMO_PORT ?? port + 1);
export const DEMO = `http://127.0.0.1:${demoPort}`;
