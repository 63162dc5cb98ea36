using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace MskPlanner.Benchmarks;

/// <summary>
/// A user of the planner without a browser: it loads the prerendered page, starts the page's circuit over the same
/// SignalR protocol as blazor.web.js, acknowledges every render batch, answers the server's JavaScript calls, and
/// types into a field as the browser's input event would. The server does for it what it does for a browser (render,
/// diff, serialize, send); only the client's DOM work is missing, so many of them fit beside one measured browser.
/// </summary>
public sealed partial class LightCircuit : IAsyncDisposable
{
    private const string BlazorPack = "blazorpack";

    private readonly HubConnection _connection;
    private readonly string _fieldId;
    private readonly Lock _gate = new();
    private long _interopObjectId = -1;
    private long _nextCallId;
    private long _nextJsObjectId;
    private int _fieldComponentId = -1;
    private ulong _inputHandlerId;
    private TaskCompletionSource _rendered = NewSignal();

    private LightCircuit(HubConnection connection, string fieldId)
    {
        _connection = connection;
        _fieldId = fieldId;
    }

    /// <summary>Render batches received so far.</summary>
    public int Batches { get; private set; }

    /// <summary>Bytes of render batches received so far.</summary>
    public long BatchBytes { get; private set; }

    /// <summary>Opens <paramref name="path"/> as a browser would and waits until the field <paramref name="fieldId"/> can be typed in.</summary>
    public static async Task<LightCircuit> OpenAsync(Uri app, string path, string fieldId, CancellationToken cancel = default)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies };
        using var http = new HttpClient(handler) { BaseAddress = app };
        var page = await http.GetStringAsync(new Uri(path, UriKind.Relative), cancel);

        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(app, "_blazor"), HttpTransportType.WebSockets, o => o.Cookies = cookies);
        builder.Services.AddSingleton<IHubProtocol>(new BlazorPackProtocol());
        var connection = builder.Build();
        var circuit = new LightCircuit(connection, fieldId);
        circuit.Listen();
        await connection.StartAsync(cancel);

        var operations = new JsonObject
        {
            ["batchId"] = 1,
            ["operations"] = new JsonArray([.. ServerMarkers(page).Select((marker, i) => new JsonObject
            {
                ["type"] = "add",
                ["ssrComponentId"] = i + 1,
                ["marker"] = marker,
            })]),
        };
        var state = PersistedState().Match(page) is { Success: true } found ? found.Groups[1].Value : "";
        var circuitId = await connection.InvokeAsync<string?>("StartCircuit", app.ToString(), new Uri(app, path).ToString(), "[]", state, cancel);
        if (circuitId is null)
        {
            throw new InvalidOperationException("The server refused to start a circuit.");
        }

        await connection.SendAsync("UpdateRootComponents", operations.ToJsonString(), state, cancel);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        wait.CancelAfter(TimeSpan.FromSeconds(30));
        while (circuit.ReadyToType is false)
        {
            await circuit.NextRenderAsync(wait.Token);
        }

        return circuit;
    }

    private bool ReadyToType
    {
        get
        {
            lock (_gate)
            {
                return _inputHandlerId != 0 && _interopObjectId >= 0;
            }
        }
    }

    /// <summary>Types <paramref name="value"/> into the field (one input event) and waits for the next render batch it causes.</summary>
    public async Task TypeAsync(string value, CancellationToken cancel = default)
    {
        ulong handler;
        int component;
        Task rendered;
        lock (_gate)
        {
            handler = _inputHandlerId;
            component = _fieldComponentId;
            _rendered = NewSignal();
            rendered = _rendered.Task;
        }

        var descriptor = new JsonObject
        {
            ["eventHandlerId"] = handler,
            ["eventName"] = "input",
            ["eventFieldInfo"] = new JsonObject { ["componentId"] = component, ["fieldValue"] = value },
        };
        var arguments = new JsonArray(descriptor, new JsonObject { ["value"] = value }).ToJsonString();
        await _connection.SendAsync("BeginInvokeDotNetFromJS", Interlocked.Increment(ref _nextCallId).ToString(System.Globalization.CultureInfo.InvariantCulture),
            null, "DispatchEventAsync", Interlocked.Read(ref _interopObjectId), arguments, cancel);
        await rendered.WaitAsync(cancel);
    }

    private Task NextRenderAsync(CancellationToken cancel)
    {
        lock (_gate)
        {
            return _rendered.Task.WaitAsync(cancel);
        }
    }

    private void Listen()
    {
        _connection.On<long, byte[]>("JS.RenderBatch", async (batchId, batch) =>
        {
            Read(batch);
            await _connection.SendAsync("OnRenderCompleted", batchId, null);
            lock (_gate)
            {
                Batches++;
                BatchBytes += batch.Length;
                _rendered.TrySetResult();
            }
        });
        _connection.On<long, string, string, int, long, int>("JS.BeginInvokeJS", async (handle, identifier, argumentsJson, resultType, _, _) =>
        {
            if (identifier == "Blazor._internal.attachWebRendererInterop")
            {
                // The renderer's .NET object, through which the browser dispatches events.
                var reference = JsonNode.Parse(argumentsJson)![1]!["__dotNetObject"]!.GetValue<long>();
                Interlocked.Exchange(ref _interopObjectId, reference);
            }

            if (handle != 0)
            {
                // What the browser would return, near enough for the server to carry on: a JavaScript object for the
                // calls that ask for one (module imports), else nothing.
                JsonNode? result = resultType == 1 ? new JsonObject { ["__jsObjectId"] = Interlocked.Increment(ref _nextJsObjectId) } : null;
                await _connection.SendAsync("EndInvokeJSFromDotNet", handle, true, new JsonArray(handle, true, result).ToJsonString());
            }
        });
        _connection.On("JS.EndInvokeDotNet", (string _, bool _, string _) => { });
        _connection.On("JS.EndUpdateRootComponents", (long _) => { });
        _connection.On("JS.EndLocationChanging", (int _, bool _) => { });
        _connection.On("JS.Error", (string error) => Console.Error.WriteLine($"The server reported a circuit error: {error}"));
    }

    /// <summary>
    /// Finds, in a render batch, the field's input element and its input handler (the id a browser would send). A
    /// component that re-renders may give the handler a new id; that arrives as a new attribute in its diff.
    /// </summary>
    private void Read(byte[] batch)
    {
        var data = batch.AsSpan();
        var frames = Int(data, data.Length - 16);
        var strings = Int(data, data.Length - 4);
        var diffs = Int(data, data.Length - 20);
        var frameCount = Int(data, frames);
        int Frame(int index) => frames + 4 + (index * 20);

        lock (_gate)
        {
            for (var d = 0; d < Int(data, diffs); d++)
            {
                var diff = Int(data, diffs + 4 + (d * 4));
                var component = Int(data, diff);
                var edits = Int(data, diff + 4);
                for (var e = 0; e < edits; e++)
                {
                    var edit = diff + 8 + (e * 16);
                    var type = Int(data, edit);
                    var reference = Int(data, edit + 8);
                    if (type == 1 && Int(data, Frame(reference)) == 1)
                    {
                        // A new element with its subtree: look for the field's input in it.
                        var length = Int(data, Frame(reference) + 4);
                        for (var f = reference; f < reference + length && f < frameCount; f++)
                        {
                            if (Int(data, Frame(f)) == 1 && Text(data, strings, Int(data, Frame(f) + 8)) == "input" && InputHandler(data, strings, f, frameCount, Frame) is { } found)
                            {
                                _fieldComponentId = component;
                                _inputHandlerId = found;
                            }
                        }
                    }
                    else if (type == 3 && component == _fieldComponentId && Text(data, strings, Int(data, Frame(reference) + 4)) == "oninput")
                    {
                        _inputHandlerId = BinaryPrimitives.ReadUInt64LittleEndian(data[(Frame(reference) + 12)..]);
                    }
                }
            }
        }
    }

    /// <summary>The oninput handler of the input element at <paramref name="element"/>, if that element is the field.</summary>
    private ulong? InputHandler(ReadOnlySpan<byte> data, int strings, int element, int frameCount, Func<int, int> frame)
    {
        var isField = false;
        ulong handler = 0;
        for (var a = element + 1; a < frameCount && Int(data, frame(a)) == 3; a++)
        {
            var name = Text(data, strings, Int(data, frame(a) + 4));
            if (name == "id" && Text(data, strings, Int(data, frame(a) + 8)) == _fieldId)
            {
                isField = true;
            }
            else if (name == "oninput")
            {
                handler = BinaryPrimitives.ReadUInt64LittleEndian(data[(frame(a) + 12)..]);
            }
        }

        return isField && handler != 0 ? handler : null;
    }

    private static int Int(ReadOnlySpan<byte> data, int at) => BinaryPrimitives.ReadInt32LittleEndian(data[at..]);

    /// <summary>A string of the batch's table: LEB128 length, then UTF-8.</summary>
    private static string? Text(ReadOnlySpan<byte> data, int table, int index)
    {
        if (index < 0)
        {
            return null;
        }

        var at = Int(data, table + (index * 4));
        var length = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = data[at++];
            length |= (b & 0x7f) << shift;
            if (b < 0x80)
            {
                break;
            }
        }

        return Encoding.UTF8.GetString(data.Slice(at, length));
    }

    /// <summary>The markers of the page's interactive root components, as the browser reads them from the prerendered comments.</summary>
    private static IEnumerable<JsonNode> ServerMarkers(string page) =>
        Marker().Matches(page).Select(m => JsonNode.Parse(m.Groups[1].Value)!).Where(m => m["type"]?.GetValue<string>() == "server");

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    [GeneratedRegex("<!--Blazor:(\\{.*?\\})-->")]
    private static partial Regex Marker();

    [GeneratedRegex("<!--Blazor-Server-Component-State:(.*?)-->")]
    private static partial Regex PersistedState();

    /// <summary>Blazor's name for SignalR's MessagePack protocol: the server accepts no other on its circuit hub.</summary>
    private sealed class BlazorPackProtocol : IHubProtocol
    {
        private readonly MessagePackHubProtocol _messagePack = new();

        public string Name => BlazorPack;

        public int Version => 1;

        public TransferFormat TransferFormat => TransferFormat.Binary;

        public bool IsVersionSupported(int version) => version == Version;

        public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HubMessage? message) =>
            _messagePack.TryParseMessage(ref input, binder, out message);

        public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _messagePack.WriteMessage(message, output);

        public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _messagePack.GetMessageBytes(message);
    }
}
