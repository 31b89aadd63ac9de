// Loaded only by browsers without ES modules (they cannot run the app either).
document.getElementById('unsupported').hidden = false;
