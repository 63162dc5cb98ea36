namespace MskPlanner.Web.Access;

/// <summary>Who may use this server, chosen by <c>Auth:Mode</c>.</summary>
public enum AuthMode
{
    /// <summary>No sign-in, one implicit user: a laptop's default, served to this machine only.</summary>
    Local,

    /// <summary>No sign-in on a shared address: an explicit choice for a server behind the team's own authenticating proxy.</summary>
    Open,
}

/// <summary>The "Auth" configuration section.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public AuthMode Mode { get; set; } = AuthMode.Local;
}
