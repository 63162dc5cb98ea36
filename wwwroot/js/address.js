// Keeps the address bar a link to what is on screen without a Blazor navigation: NavigateTo would make the router
// render the whole page a second time on every keystroke. Blazor's own history state is kept as it is.
export function replaceAddress(url) {
    history.replaceState(history.state, '', url);
}
