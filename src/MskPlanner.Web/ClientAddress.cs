namespace MskPlanner.Web;

/// <summary>
/// The client a request counts against in the per-client limits (live pages, rate limits, refused tokens): the
/// visitor's address as a proxy named in <see cref="NetworkOptions"/> forwards it, else the connection's.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
