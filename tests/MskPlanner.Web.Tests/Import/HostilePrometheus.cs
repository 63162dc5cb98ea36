using System.Text;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

using MskPlanner.Testing;

namespace MskPlanner.Web.Tests.Import;

/// <summary>
/// A loopback server that answers Prometheus's query path as no Prometheus should: never, endlessly, with too many
/// series, with something other than JSON, or with an error. Each behaviour is a base path: <c>{Address}slow/</c>.
/// </summary>
public sealed class HostilePrometheus : IAsyncDisposable
{
    public const int Series = 101;

    private readonly WebApplication _app;

    public HostilePrometheus()
    {
        var builder = WebApplication.CreateSlimBuilder();
        var port = LoopbackPort.Free();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/{behaviour}/api/v1/query", AnswerAsync);
        _app.StartAsync().GetAwaiter().GetResult();
        Address = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri Address { get; }

    /// <summary>Completed when the slow path has a request waiting on it.</summary>
    public TaskCompletionSource SlowRequestArrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The Authorization header of the last request, to show which credentials were sent.</summary>
    public string? LastAuthorization { get; private set; }

    public Uri At(string behaviour) => new(Address, behaviour + "/");

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task AnswerAsync(string behaviour, HttpContext context)
    {
        LastAuthorization = context.Request.Headers.Authorization;
        var response = context.Response;
        switch (behaviour)
        {
            case "slow":
                SlowRequestArrived.TrySetResult();
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
                break;
            case "endless":
                var chunk = Encoding.UTF8.GetBytes(new string(' ', 64 * 1024));
                await response.WriteAsync("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[", context.RequestAborted);
                while (!context.RequestAborted.IsCancellationRequested)
                {
                    await response.Body.WriteAsync(chunk, context.RequestAborted);
                }

                break;
            case "many":
                var series = string.Join(",", Enumerable.Range(0, Series).Select(i => $"{{\"metric\":{{\"__name__\":\"kafka_topic_partition_current_offset\",\"topic\":\"t{i}\"}},\"value\":[1,\"1\"]}}"));
                await response.WriteAsync($"{{\"status\":\"success\",\"data\":{{\"resultType\":\"vector\",\"result\":[{series}]}}}}");
                break;
            case "html":
                response.ContentType = "text/html";
                await response.WriteAsync("<html><body>Grafana</body></html>");
                break;
            case "error":
                response.StatusCode = StatusCodes.Status400BadRequest;
                await response.WriteAsync("{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error at char 7\"}");
                break;
            default:
                await response.WriteAsync("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}");
                break;
        }
    }
}
