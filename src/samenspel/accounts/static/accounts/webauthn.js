// After a passkey is added (django-otp-webauthn's register script fires the event with
// the server's answer): show the recovery codes made with the first factor, or reload
// the page so the list of passkeys shows the new one; the server's message says so.
document.addEventListener("otp_webauthn.register_complete", (event) => {
  const next = event.detail && event.detail.response && event.detail.response.redirect_url;
  if (next && next.startsWith("/") && !next.startsWith("//")) {
    window.location.assign(next);
  } else {
    window.location.reload();
  }
});
