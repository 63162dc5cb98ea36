using Microsoft.AspNetCore.Components.Authorization;

using MskPlanner.Persistence;

namespace MskPlanner.Web.Access;

/// <summary>The signed-in user of a page's circuit, as the stores decide access by (see <see cref="Callers"/>).</summary>
public sealed class CurrentCaller(AuthenticationStateProvider authentication, Callers callers)
{
    public async Task<Caller> GetAsync() => callers.From((await authentication.GetAuthenticationStateAsync()).User);
}
