// Using the elements in React 19: attributes and properties pass straight through, and
// `onnk-progress-change` listens to the element's own event.
import { useState } from 'react';
import '@netwerkkracht/components';

export function MeetingChecklist({ lang = 'nl' }) {
  const [done, setDone] = useState(0);
  return (
    <section>
      <nk-network-checklist
        checklist="netwerkbijeenkomst-organiseren"
        lang={lang}
        heading-level="2"
        onnk-progress-change={(event) => setDone(event.detail.done)}
      />
      <p role="status">{done === 0 ? 'Nog niets afgevinkt.' : `${done} stap(pen) klaar.`}</p>
    </section>
  );
}
