namespace Slipway.Containers.Rehearsal;

/// <summary>One run of a job: the job with one entry of its matrix (empty without a matrix).</summary>
internal sealed record RehearsalJob(WorkflowJob Job, IReadOnlyDictionary<string, string> Matrix)
{
    /// <summary>As GitHub shows it: the job's name with the matrix values put in, else its id with them in parentheses.</summary>
    public string DisplayName(WorkflowExpressions expressions) =>
        Job.Name is { } name ? expressions.Substitute(name)
        : Matrix.Count == 0 ? Job.Id : $"{Job.Id} ({string.Join(", ", Matrix.Values)})";

    /// <summary>The workflow's jobs in an order <c>needs</c> allows (file order otherwise), each matrix expanded in its
    /// order; the matrix runs one after another here, where GitHub runs them side by side.</summary>
    public static IReadOnlyList<RehearsalJob> Expand(RehearsedWorkflow workflow)
    {
        var byId = workflow.Jobs.ToDictionary(job => job.Id);
        foreach (var job in workflow.Jobs)
            foreach (var need in job.Needs.Where(need => !byId.ContainsKey(need)))
                throw new SlipwayException($"cannot rehearse {workflow.FileName}: job {job.Id} needs '{need}', which is not a job");
        var ordered = new List<WorkflowJob>();
        var visiting = new HashSet<string>();
        void Visit(WorkflowJob job)
        {
            if (ordered.Contains(job))
                return;
            if (!visiting.Add(job.Id))
                throw new SlipwayException($"cannot rehearse {workflow.FileName}: its jobs' needs form a cycle through {job.Id}");
            foreach (var need in job.Needs)
                Visit(byId[need]);
            ordered.Add(job);
        }
        foreach (var job in workflow.Jobs)
            Visit(job);
        return ordered.SelectMany(job => job.Matrix.Count == 0
            ? [new RehearsalJob(job, new Dictionary<string, string>())]
            : job.Matrix.Select(entry => new RehearsalJob(job, entry))).ToArray();
    }
}
