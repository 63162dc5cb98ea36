using MskPlanner.Sizing;

namespace MskPlanner.Reports;

/// <summary>What a plan summary shows: the sizing, and what is known of the plan around it.</summary>
/// <param name="PlanName">Null for an unsaved sizing from the planner.</param>
/// <param name="ShareLink">A live share link of the plan, if it has one.</param>
/// <param name="Unsaved">The inputs on screen differ from <paramref name="Revision"/>: edits not saved yet.</param>
/// <param name="MeasuredFrom">Where the revision's workload was measured (a source and window), when it came from a running cluster.</param>
public sealed record PlanReport(
    string? PlanName,
    string? Description,
    int? Revision,
    SizingResult Result,
    BrokerFamily? Family,
    string? ShareLink,
    DateTimeOffset GeneratedAt,
    string AppVersion,
    bool Unsaved = false,
    string? MeasuredFrom = null);

/// <summary>What a comparison summary shows.</summary>
public sealed record ComparisonReport(Comparison Comparison, DateTimeOffset GeneratedAt, string AppVersion);
