namespace MskPlanner.Web;

/// <summary>
/// The client a request counts against in the per-client limits (live pages, rate limits, refused tokens). The app
/// reads no forwarded headers, so behind a proxy every visitor is the proxy.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
