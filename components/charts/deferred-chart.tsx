"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * Renders its chart only once the frame comes near the screen, so the drawing library is fetched
 * for charts someone scrolls to rather than with the page. The frame keeps its size meanwhile.
 */
export function DeferredChart({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    // Every browser the app supports has IntersectionObserver; the frame stays empty without it,
    // and the table beside the chart still holds its figures.
    if (!element || near || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setNear(true);
      },
      { rootMargin: "200px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near]);
  return (
    <div ref={ref} className="h-full w-full">
      {near ? children : null}
    </div>
  );
}
