import { request as httpRequest } from "node:http";

export type RawResponse = { status: number; headers: Record<string, string | string[] | undefined>; body: string; ms: number };

/**
 * One HTTP request with nothing smoothed over: any source address on the loopback network (so a
 * test can be a different client), any headers, any request target, a deadline.
 */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; localAddress?: string; path?: string; timeoutMs?: number } = {},
): Promise<RawResponse> {
  const target = new URL(url);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: options.method ?? "GET",
        path: options.path ?? `${target.pathname}${target.search}`,
        headers: options.headers,
        localAddress: options.localAddress,
        timeout: options.timeoutMs ?? 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8"), ms: Date.now() - started }),
        );
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer within ${options.timeoutMs ?? 30_000} ms`)));
    req.on("error", reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

/**
 * Signs in the way a browser without JavaScript does: the sign-in page's form, hidden fields and
 * all, posted back as multipart form data. Returns the page that came back.
 */
export async function postSignInForm(
  baseURL: string,
  fields: { email: string; password: string },
  options: { localAddress?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  const page = await rawRequest(`${baseURL}/login`, { localAddress: options.localAddress });
  const form = /<form[^>]*>([\s\S]*?)<\/form>/.exec(page.body)?.[1] ?? "";
  const hidden = [...form.matchAll(/<input[^>]*type="hidden"[^>]*>/g)].map((m) => m[0]);
  const data = new FormData();
  for (const input of hidden) {
    const name = /name="([^"]*)"/.exec(input)?.[1];
    const value = /value="([^"]*)"/.exec(input)?.[1] ?? "";
    if (name) data.set(name.replaceAll("&amp;", "&"), value.replaceAll("&amp;", "&").replaceAll("&quot;", '"'));
  }
  data.set("email", fields.email);
  data.set("password", fields.password);
  const encoded = new Response(data);
  const body = Buffer.from(await encoded.arrayBuffer());
  return rawRequest(`${baseURL}/login`, {
    method: "POST",
    localAddress: options.localAddress,
    body,
    headers: {
      "content-type": encoded.headers.get("content-type")!,
      "content-length": String(body.length),
      origin: new URL(baseURL).origin,
      ...options.headers,
    },
  });
}

/** The `name=value` pairs of a response's Set-Cookie headers, as a Cookie header sends them back. */
export function cookiesFrom(res: RawResponse): string {
  const raw = res.headers["set-cookie"];
  const lines = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return lines.map((line) => line.split(";")[0]!).filter((pair) => !pair.endsWith("=")).join("; ");
}

/** Signs in through the real form and returns the session cookie header; fails if no session came back. */
export async function signInCookie(baseURL: string, email: string, password: string, localAddress?: string): Promise<string> {
  const res = await postSignInForm(baseURL, { email, password }, { localAddress });
  const cookie = cookiesFrom(res);
  if (!/session-token=/.test(cookie)) throw new Error(`signing in as ${email} gave no session (status ${res.status})`);
  return cookie;
}
