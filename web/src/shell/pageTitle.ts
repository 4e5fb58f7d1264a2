import { createContext, useContext, useEffect } from 'react';

/** Set by Shell, which owns document.title; a page inside it only names itself. */
export const PageTitleContext = createContext<((title: string | null) => void) | null>(null);

/**
 * Puts the page's own name (an item, a bundle) before the channel's in the tab title. Going
 * through Shell rather than writing document.title here keeps the two from racing on every
 * locale switch, when both effects re-run.
 */
export function usePageTitle(title: string | null): void {
  const set = useContext(PageTitleContext);
  useEffect(() => {
    set?.(title);
    return () => set?.(null);
  }, [set, title]);
}
