// Frees the server's memory for pages nobody is using. A live page holds a Blazor circuit of a few MiB on the server;
// after a while hidden (another tab, a minimised window) or untouched, this pauses it: Blazor keeps what the page
// needs to come back in the browser, and the server drops the circuit. Shown again, the page resumes by itself; an
// untouched visible page shows the reconnect dialog and resumes at a key or click.
//
// Only pages that mark themselves [data-pausable] are paused: their state is all in the address (or saved), so the
// page that resumes is the page that paused. A page showing what the address does not keep (an open section marked
// [data-holds-state], an open dialog or menu) is not, nor is a page with unsaved edits (it drops [data-pausable]).
(() => {
    const script = document.currentScript;
    const hiddenAfter = Number(script.dataset.hiddenAfter) * 1000;
    const idleAfter = Number(script.dataset.idleAfter) * 1000;
    let timer;
    let paused = false;
    let changing = false;

    const pausable = () =>
        document.querySelector("[data-pausable]") !== null &&
        document.querySelector("[data-holds-state], .mud-dialog-container, .mud-popover-open") === null;

    function schedule() {
        clearTimeout(timer);
        const wait = document.visibilityState === "hidden" ? hiddenAfter : idleAfter;
        if (wait > 0 && !paused) {
            timer = setTimeout(pause, wait);
        }
    }

    async function pause() {
        if (paused || changing || !window.Blazor?.pauseCircuit) {
            return;
        }

        if (!pausable()) {
            // Counted on <html> so that a pause considered and declined can be seen without waiting to see that
            // nothing happens (the browser tests wait for this).
            document.documentElement.dataset.pausesDeclined = String(Number(document.documentElement.dataset.pausesDeclined ?? 0) + 1);
            schedule();
            return;
        }

        changing = true;
        try {
            paused = await Blazor.pauseCircuit();
        } finally {
            changing = false;
        }

        if (!paused) {
            schedule();
        }
    }

    async function resume() {
        if (!paused || changing) {
            return;
        }

        changing = true;
        try {
            if (await Blazor.resumeCircuit()) {
                paused = false;
            } else {
                // The server could not take the page back (it restarted, say): start it afresh from its address.
                location.reload();
            }
        } finally {
            changing = false;
        }

        schedule();
    }

    document.addEventListener("visibilitychange", () => document.visibilityState === "visible" && paused ? resume() : schedule());

    // Any use keeps a live page live, and wakes a paused one (Escape too, which would otherwise just close the dialog).
    for (const type of ["keydown", "pointerdown", "wheel", "touchstart", "focusin"]) {
        document.addEventListener(type, () => paused ? resume() : schedule(), { capture: true, passive: true });
    }

    // The reconnect dialog's own Resume button, or a reconnect, brings the page back without this script.
    document.getElementById("components-reconnect-modal")?.addEventListener("components-reconnect-state-changed", event => {
        if (event.detail.state === "hide") {
            paused = false;
            schedule();
        }
    });

    schedule();
})();
