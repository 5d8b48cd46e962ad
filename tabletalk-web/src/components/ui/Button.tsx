import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Link, type LinkProps } from 'react-router';

export type ButtonVariant = 'primary' | 'secondary' | 'quiet';

const base =
  'inline-flex min-h-12 items-center justify-center gap-2 rounded-2xl py-3 text-center text-lg font-semibold ' +
  'transition-colors duration-150 select-none touch-manipulation disabled:cursor-not-allowed disabled:opacity-60';

const variants: Record<ButtonVariant, string> = {
  primary: 'bg-accent px-5 text-accent-ink shadow-sm hover:brightness-110 active:brightness-95',
  secondary:
    'border-2 px-5 border-line bg-surface text-ink hover:border-accent aria-pressed:border-accent aria-pressed:bg-accent-soft',
  // No side padding, so it lines up with the text around it; the height keeps the touch target.
  quiet: 'px-1 text-accent underline-offset-4 hover:underline',
};

export function buttonClasses(variant: ButtonVariant = 'primary', block = false, extra = ''): string {
  return [base, variants[variant], block ? 'w-full' : '', extra].filter(Boolean).join(' ');
}

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  block?: boolean;
  children: ReactNode;
}

export function Button({ variant = 'primary', block = false, className = '', type = 'button', ...rest }: ButtonProps) {
  return <button type={type} className={buttonClasses(variant, block, className)} {...rest} />;
}

export interface ButtonLinkProps extends LinkProps {
  variant?: ButtonVariant;
  block?: boolean;
}

export function ButtonLink({ variant = 'primary', block = false, className = '', ...rest }: ButtonLinkProps) {
  return <Link className={buttonClasses(variant, block, className)} {...rest} />;
}
