namespace Fulfillment.Grains.Reports;

/// <summary>Figures kept current by the reports of many orders, each replacing that order's previous contribution.</summary>
internal interface IReportedFigures<in TReport>
{
    /// <summary>Applies a report in one synchronous step; false when it changes nothing (a repeat, an order already closed).</summary>
    bool Apply(TReport report, DateTimeOffset now);
}
