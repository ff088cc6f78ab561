using SingleView.Core.Model;
using SingleView.Ingest.Definitions;

namespace SingleView.Standardise;

/// <summary>
/// A feed after ingest: how it stands (its coverage and state for the view) and the person records
/// in use — from today's delivery, or the last good one when today's was missing or held.
/// </summary>
public sealed record StandardisedFeed(FeedDefinition Definition, FeedCoverage Coverage, IReadOnlyList<PersonRecord> Records);
