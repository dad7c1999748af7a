"use client";

import { useEffect, useState, type RefObject } from "react";

/**
 * True once the element is within a screen of the viewport (or the page is about to print), and
 * from then on. Charts wait for it before loading Recharts, so a reader who never scrolls to a
 * chart never pays for it, and the first screen is not held up by charts below it.
 */
export function useNearViewport(ref: RefObject<Element | null>): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (near || !element) return;
    // Every browser the site supports has IntersectionObserver.
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setNear(true);
      },
      { rootMargin: "100% 0px" },
    );
    observer.observe(element);
    const onPrint = () => setNear(true);
    window.addEventListener("beforeprint", onPrint);
    return () => {
      observer.disconnect();
      window.removeEventListener("beforeprint", onPrint);
    };
  }, [ref, near]);
  return near;
}
