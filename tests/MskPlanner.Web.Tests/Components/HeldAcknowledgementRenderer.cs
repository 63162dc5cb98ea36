using System.Runtime.ExceptionServices;

using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.RenderTree;
using Microsoft.Extensions.Logging;

// A renderer of our own is the point: Blazor's render-tree types are what a renderer is written with.
#pragma warning disable BL0006

namespace MskPlanner.Web.Tests.Components;

/// <summary>
/// A renderer that, while told to, holds back the browser's acknowledgement of each render batch, as Blazor
/// Server's renderer waits a round trip for it. A component's after-render step runs only once its batch is
/// acknowledged, so renders that follow each other within one round trip run before it: bUnit acknowledges at once
/// and cannot show what a component does then.
/// </summary>
internal sealed class HeldAcknowledgementRenderer(IServiceProvider services, ILoggerFactory logs) : Renderer(services, logs)
{
    private TaskCompletionSource? _acknowledgement;

    public override Dispatcher Dispatcher { get; } = Dispatcher.CreateDefault();

    protected override RendererInfo RendererInfo { get; } = new("Server", isInteractive: true);

    /// <summary>From now on, batches wait for <see cref="AcknowledgeAsync"/>.</summary>
    public void Hold() => _acknowledgement = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Acknowledges every batch held, runs their after-render steps, and holds no more.</summary>
    public Task AcknowledgeAsync() => Dispatcher.InvokeAsync(() =>
    {
        var held = _acknowledgement;
        _acknowledgement = null;
        held?.SetResult();
    });

    /// <summary>Renders a new root component with its parameters.</summary>
    public Task<int> RenderAsync<TComponent>(IDictionary<string, object?> parameters) where TComponent : IComponent =>
        Dispatcher.InvokeAsync(async () =>
        {
            var id = AssignRootComponentId(InstantiateComponent(typeof(TComponent)));
            await RenderRootComponentAsync(id, ParameterView.FromDictionary(parameters));
            return id;
        });

    /// <summary>Gives the root component new parameters, as its parent does when it draws again.</summary>
    public Task SetParametersAsync(int root, IDictionary<string, object?> parameters) =>
        Dispatcher.InvokeAsync(() => RenderRootComponentAsync(root, ParameterView.FromDictionary(parameters)));

    /// <summary>Every text and attribute value the component and those inside it now show.</summary>
    public Task<IReadOnlyList<string>> ShownAsync(int root) => Dispatcher.InvokeAsync<IReadOnlyList<string>>(() =>
    {
        var shown = new List<string>();
        Collect(root, shown);
        return shown;
    });

    private void Collect(int component, List<string> shown)
    {
        var frames = GetCurrentRenderTreeFrames(component);
        for (var i = 0; i < frames.Count; i++)
        {
            var frame = frames.Array[i];
            switch (frame.FrameType)
            {
                case RenderTreeFrameType.Text:
                    shown.Add(frame.TextContent);
                    break;
                case RenderTreeFrameType.Markup:
                    shown.Add(frame.MarkupContent);
                    break;
                case RenderTreeFrameType.Attribute when frame.AttributeValue is string value:
                    shown.Add(value);
                    break;
                case RenderTreeFrameType.Component:
                    Collect(frame.ComponentId, shown);
                    break;
            }
        }
    }

    protected override Task UpdateDisplayAsync(in RenderBatch batch) => _acknowledgement?.Task ?? Task.CompletedTask;

    protected override void HandleException(Exception exception) => ExceptionDispatchInfo.Capture(exception).Throw();
}
