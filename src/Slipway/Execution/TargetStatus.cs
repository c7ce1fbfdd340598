namespace Slipway.Execution;

public enum TargetStatus
{
    NotRun,
    Succeeded,
    Failed,
    Skipped,
    UpToDate,
    Cancelled,
}
