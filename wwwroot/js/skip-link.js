// The skip link moves focus to the page's content. Handled here, before Blazor's link handling, because with
// <base href="/"> the link "#main" would otherwise navigate to the home page's address.
document.addEventListener("click", event => {
    const link = event.target.closest && event.target.closest("a.skip-link");
    const main = link && document.getElementById("main");
    if (!main) {
        return;
    }

    event.preventDefault();
    main.focus();
    main.scrollIntoView();
}, true);
