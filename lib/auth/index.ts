import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { Role } from "@/db/schema";
import { verifySignIn } from "@/lib/dal/auth";
import { signOutFromToken, startSession } from "@/lib/dal/sessions";
import { clientAddress } from "@/lib/http/client-address";
import { signInSchema } from "@/lib/validations/auth";
import { resolveAuthSecret } from "./secret";
import { TOKEN_MAX_AGE_SECONDS } from "./session-policy";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: Role; clinicId: string; sid: string } & DefaultSession["user"];
  }
  interface User {
    role?: Role;
    clinicId?: string;
    /** The server-side session (user_sessions row) this sign-in opened. */
    sid?: string;
  }
}

/** The one message for an unknown email and a wrong password. */
export class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}

/** Carries the wait, in whole minutes, in its code: the sign-in form turns it into a sentence. */
export class ThrottledSignIn extends CredentialsSignin {
  constructor(retryAfterSeconds: number) {
    super();
    this.code = `throttled:${Math.ceil(retryAfterSeconds / 60)}`;
  }
}



export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: resolveAuthSecret(),
  // Self-hosted behind our own proxy: the Host header is ours. AUTH_TRUST_HOST=false turns it off.
  trustHost: process.env.AUTH_TRUST_HOST !== "false",
  // The cookie lives as long as the longest policy allows; the session row decides every request
  // (idle and absolute limits, revocation), so re-issuing the cookie extends nothing.
  session: { strategy: "jwt", maxAge: TOKEN_MAX_AGE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  logger: {
    // A wrong password is an expected outcome (audited in the DAL), not a server error with a stack.
    error(error) {
      if ((error as { type?: string }).type === "CredentialsSignin") return;
      console.error(`[auth] ${(error as { type?: string }).type ?? error.name}: ${error.message}`);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        const result = await verifySignIn({
          email: parsed.data.email,
          password: parsed.data.password,
          ip: clientAddress(request.headers),
        });
        if (result.ok) {
          // The password is right: open the server-side session (pending if a second step is owed).
          const session = await startSession(result.user.id);
          return { ...result.user, sid: session.id };
        }
        if (result.reason === "throttled") throw new ThrottledSignIn(result.retryAfterSeconds);
        throw new InvalidCredentials();
      },
    }),
  ],
  events: {
    // The library's own sign-out (POST /api/auth/signout, and signOut()) ends the session rows too.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (typeof token?.sub === "string" && typeof token.sid === "string") {
        await signOutFromToken({ userId: token.sub, sessionId: token.sid });
      }
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = user.role;
        token.clinicId = user.clinicId;
        token.sid = user.sid;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub ?? "";
      session.user.role = token.role as Role;
      session.user.clinicId = token.clinicId as string;
      session.user.sid = typeof token.sid === "string" ? token.sid : "";
      return session;
    },
  },
}));
