/**
 * Keeps the address bar on the view, off the redraw's path. `history.replaceState` is a
 * round trip to the browser (about 10 ms a call in Chromium, measured), so a run of slider
 * moves writes the address once, when the reader pauses; it is also written before the
 * page is left or hidden, so a copied or bookmarked link is never behind.
 */
export function addressKeeper(delayMs = 150): (search: string) => void {
  let pending: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    clearTimeout(timer);
    if (pending !== null && pending !== location.search) history.replaceState(null, "", `${location.pathname}${pending}`);
    pending = null;
  };
  addEventListener("pagehide", write);
  document.addEventListener("visibilitychange", write);
  return (search) => {
    pending = search;
    clearTimeout(timer);
    timer = setTimeout(write, delayMs);
  };
}
