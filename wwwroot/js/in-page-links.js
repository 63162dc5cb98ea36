// Links to a place on the same page ("#main", "#results"): the skip link and the phone's "All results". Handled
// here, before Blazor's link handling, because with <base href="/"> a bare "#main" would navigate to the home
// page's address instead.
document.addEventListener("click", event => {
    const link = event.target.closest && event.target.closest("a[href^='#']");
    const target = link && document.getElementById(link.getAttribute("href").slice(1));
    if (!target) {
        return;
    }

    event.preventDefault();
    target.scrollIntoView();
    target.focus({ preventScroll: true });
}, true);
