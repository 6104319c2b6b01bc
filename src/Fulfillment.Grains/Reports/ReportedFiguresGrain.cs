using Grains;
using Grains.Storage;

namespace Fulfillment.Grains.Reports;

/// <summary>
/// Base of the grains whose figures their orders' reports keep current (carriers, warehouses). Subclasses are
/// <see cref="ReentrantAttribute"/>, so that the reports of many orders share durable writes
/// (<see cref="StateWriteCoalescer{TState}"/>); each report is applied in one synchronous step, and acknowledged once a
/// write including it is durable.
/// </summary>
internal abstract class ReportedFiguresGrain<TFigures, TReport> : Grain
    where TFigures : IReportedFigures<TReport>
{
    private readonly IPersistentState<TFigures> _figures;
    private readonly StateWriteCoalescer<TFigures> _writer;
    private readonly TimeProvider _time;

    protected ReportedFiguresGrain(IPersistentState<TFigures> figures, TimeProvider time)
    {
        _figures = figures;
        _writer = new StateWriteCoalescer<TFigures>(figures, DeactivateOnIdle);
        _time = time;
    }

    protected TFigures Figures => _figures.State;

    public async Task Report(TReport report)
    {
        if (Figures.Apply(report, _time.GetUtcNow()))
        {
            await _writer.WriteAsync();
        }

        await OnReportedAsync();
    }

    /// <summary>Runs after each report, once a change it made is durable (a repeat included: it may retry what failed here).</summary>
    protected virtual Task OnReportedAsync() => Task.CompletedTask;
}
