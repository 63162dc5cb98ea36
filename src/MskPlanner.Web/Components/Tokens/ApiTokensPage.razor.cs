using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;

using MskPlanner.Persistence;
using MskPlanner.Sizing;
using MskPlanner.Web.Access;
using MskPlanner.Web.Components.Dialogs;

using MudBlazor;

namespace MskPlanner.Web.Components.Tokens;

/// <summary>The signed-in user's personal API tokens: made here, shown once, listed and revoked.</summary>
public partial class ApiTokensPage
{
    private static readonly int[] Lifetimes = [30, 90, 365];

    private IReadOnlyList<ApiToken> _tokens = [];
    private CreatedApiToken? _created;
    private string? _name;
    private string? _nameError;
    private int _days = 90;
    private string _subject = "";
    private string _ownerName = "";

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = default!;
    [Inject] private ApiTokenStore Tokens { get; set; } = default!;
    [Inject] private IOptions<AuthOptions> Auth { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    private AuthMode Mode => Auth.Value.Mode;

    /// <summary>Only OIDC mode checks tokens; local and open mode's API is open to whoever reaches it.</summary>
    private bool TokensApply => Mode == AuthMode.Oidc;

    protected override async Task OnInitializedAsync()
    {
        if (!TokensApply)
        {
            return;
        }

        var user = (await Authentication).User;
        _subject = user.FindFirst("sub")?.Value ?? "";
        _ownerName = user.Identity?.Name ?? _subject;
        _tokens = await Tokens.ListAsync(_subject);
    }

    private async Task CreateAsync()
    {
        _nameError = ApiTokenStore.CheckName(_name)?.Message;
        if (_nameError is not null || _subject.Length == 0)
        {
            return;
        }

        _created = await Tokens.CreateAsync(_subject, _ownerName, _name!, TimeSpan.FromDays(_days));
        _name = null;
        _tokens = await Tokens.ListAsync(_subject);
    }

    private async Task RevokeAsync(ApiToken token)
    {
        if (!await Dialogs.ConfirmAsync("Revoke this token?", $"\"{token.Name}\" stops working at once for every script that uses it. This cannot be undone; you can make a new token.",
            "Revoke", destructive: true))
        {
            return;
        }

        await Tokens.RevokeAsync(_subject, token.Id);
        if (_created?.Token.Id == token.Id)
        {
            _created = null;
        }

        _tokens = await Tokens.ListAsync(_subject);
    }

    private string Status(ApiToken token) =>
        token.RevokedAt is { } revoked ? $"revoked {Figures.When(revoked)}"
        : token.IsActiveAt(Clock.GetUtcNow()) ? "active"
        : "expired";
}
