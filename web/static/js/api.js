// The API of the same server, by relative URLs; errors come back as problem+json and become ApiError.

export class ApiError extends Error {
  constructor(status, title, detail) {
    super(detail || title || `HTTP ${status}`);
    this.status = status;
    this.title = title;
  }
}

function url(path, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== undefined && value !== null && value !== "") query.set(key, value);
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

async function check(response) {
  if (response.ok) return response;
  let title = response.statusText;
  let detail = "";
  try {
    const problem = await response.json();
    title = problem.title || title;
    detail = problem.detail || "";
  } catch {
    // not a problem document: keep the status text
  }
  throw new ApiError(response.status, title, detail);
}

/** GET a JSON resource. */
export async function getJSON(path, params) {
  const response = await fetch(url(path, params), { headers: { Accept: "application/json" } });
  return (await check(response)).json();
}

/** GET a text resource (CSV, SVG). */
export async function getText(path, params, accept = "*/*") {
  const response = await fetch(url(path, params), { headers: { Accept: accept } });
  return (await check(response)).text();
}

/** POST a body and read JSON back. */
export async function postJSON(path, body, contentType = "application/json", accept = "application/json") {
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": contentType, Accept: accept },
    body: contentType === "application/json" ? JSON.stringify(body) : body,
  });
  return (await check(response)).json();
}

let openapi = null;

/** The server's route paths (from its OpenAPI document, read once), to show only what the server offers. */
export async function routes() {
  if (!openapi) openapi = getJSON("/openapi.json").then((doc) => new Set(Object.keys(doc.paths || {})), () => new Set());
  return openapi;
}

export { url };
