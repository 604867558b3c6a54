// A modal dialog on the native <dialog> element: focus is trapped, Escape closes it.
import { type ReactNode, useEffect, useId, useRef } from "react";

export function Dialog({
  aaben,
  titel,
  luk,
  children,
  bred,
}: {
  aaben: boolean;
  titel: string;
  luk: () => void;
  children: ReactNode;
  bred?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titelId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (aaben && !d.open) d.showModal();
    if (!aaben && d.open) d.close();
  }, [aaben]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titelId}
      className={bred ? "dialog bred" : "dialog"}
      onCancel={(e) => {
        e.preventDefault();
        luk();
      }}
    >
      {aaben && (
        <>
          <h2 id={titelId}>{titel}</h2>
          {children}
        </>
      )}
    </dialog>
  );
}
