/**
 * E-mail for reminders: through SMTP when BSC_SMTP_URL is set (nodemailer), otherwise written to
 * the log (so a district without mail settings still sees what would have been sent).
 */
import nodemailer from 'nodemailer';
import type { Config } from '../../config.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  readonly kind: 'smtp' | 'log' | 'memory';
  send(message: MailMessage): Promise<void>;
}

export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    kind: 'smtp',
    async send(m) {
      await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text });
    },
  };
}

export function logMailer(log: (line: string) => void = (l) => console.log(l)): Mailer {
  return {
    kind: 'log',
    async send(m) {
      log(`[bsc] 메일(SMTP 설정 없음, 기록만 함) → ${m.to}: ${m.subject}\n${m.text}`);
    },
  };
}

/** Keeps the messages (tests). */
export function memoryMailer(): Mailer & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return {
    kind: 'memory',
    sent,
    async send(m) {
      sent.push(m);
    },
  };
}

export function mailerFor(
  config: Pick<Config, 'BSC_SMTP_URL' | 'BSC_SMTP_FROM'>,
  log?: (line: string) => void,
): Mailer {
  return config.BSC_SMTP_URL ? smtpMailer(config.BSC_SMTP_URL, config.BSC_SMTP_FROM) : logMailer(log);
}
