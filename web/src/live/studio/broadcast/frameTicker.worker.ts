// Ticks for the broadcast canvas. A page's own timers and animation frames slow to a crawl or stop while its tab is
// hidden or its window covered (the lecturer is showing the slides window), which would freeze the broadcast; a worker's
// timer keeps its pace. The message is frames per second; 0 stops.
let timer: ReturnType<typeof setInterval> | undefined;

self.onmessage = (event: MessageEvent<number>) => {
  clearInterval(timer);
  timer = event.data > 0 ? setInterval(() => self.postMessage(0), 1000 / event.data) : undefined;
};
