// Trunk initializer hooks: show the "cannot run here" notice when the wasm fails to start,
// instead of leaving a start button that never wakes up.
export default function initializer() {
  return {
    onFailure(reason) {
      const notice = document.getElementById('unsupported');
      if (notice) notice.hidden = false;
      for (const button of document.querySelectorAll('.button-start')) button.textContent = '利用できません / Unavailable';
      console.error('isumi-check failed to start', reason);
    },
  };
}
