"use client";
// A text input that reports its value after the user pauses typing (Enter reports at once); remount with a new key to reset it.
import { useEffect, useRef, useState, type InputHTMLAttributes, type Ref } from "react";

export function DebouncedInput({
  initialValue,
  onDebouncedChange,
  delayMs = 300,
  inputRef,
  ...rest
}: Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "defaultValue" | "onChange"> & {
  initialValue: string;
  onDebouncedChange: (value: string) => void;
  delayMs?: number;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const [value, setValue] = useState(initialValue);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // A report still pending when the page is left must not fire: it would navigate back to this page.
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const schedule = (next: string, delay: number) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => onDebouncedChange(next), delay);
  };

  return (
    <input
      {...rest}
      ref={inputRef}
      value={value}
      onChange={(event) => {
        setValue(event.target.value);
        schedule(event.target.value, delayMs);
      }}
      onKeyDown={(event) => {
        if (event.key === "Enter") schedule(value, 0);
        if (event.key === "Escape" && value !== "") {
          setValue("");
          schedule("", 0);
        }
      }}
    />
  );
}
