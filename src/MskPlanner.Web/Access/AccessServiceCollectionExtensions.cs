namespace MskPlanner.Web.Access;

public static class AccessServiceCollectionExtensions
{
    /// <summary>Who may use the server (<c>Auth</c>) and how fast anyone without an account may call it (<c>RateLimits</c>).</summary>
    public static IServiceCollection AddAccess(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateOnStart();
        return services.AddRateLimits();
    }

    public static WebApplication UseAccess(this WebApplication app)
    {
        app.UseLocalModeGuard();
        app.UseRateLimiter();
        return app;
    }
}
