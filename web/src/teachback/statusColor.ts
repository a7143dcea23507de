/** The badge colour of a status, dark enough for white text at WCAG AA. */
export function statusColor(status: string): string {
  switch (status) {
    case 'SUCCEEDED': return 'teal.9';
    case 'PENDING': return 'blue.8';
    case 'NO_SPEECH': return 'gray.8';
    default: return 'red.9';
  }
}
