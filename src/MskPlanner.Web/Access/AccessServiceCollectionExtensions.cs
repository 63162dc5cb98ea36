namespace MskPlanner.Web.Access;

public static class AccessServiceCollectionExtensions
{
    /// <summary>Who may use the server and how they sign in (<c>Auth</c>) and how fast anyone without an account may call it (<c>RateLimits</c>).</summary>
    public static IServiceCollection AddAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddExceptionHandler<ProviderUnavailableHandler>();
        services.AddExceptionHandler<AccessDeniedHandler>();
        services.AddSingleton<Callers>();
        services.AddScoped<CurrentCaller>();
        services.AddSignIn(configuration.GetSection(AuthOptions.Section).Get<AuthOptions>()?.Mode ?? AuthMode.Local);
        return services.AddRateLimits();
    }

    public static WebApplication UseAccess(this WebApplication app)
    {
        app.UseLocalModeGuard();
        app.UseSameOriginGuard();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseTokenFailureGate();
        app.UseAuthorization();
        app.MapSignIn();
        return app;
    }
}
