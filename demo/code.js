// Shows the tested React example as it is, so the page cannot drift from the code.
const target = document.getElementById('react-source');
try {
  const response = await fetch('/react/MeetingChecklist.jsx');
  if (!response.ok) throw new Error(`${response.status}`);
  target.textContent = await response.text();
} catch (error) {
  target.textContent = `The example could not be loaded (${error.message}).`;
}
