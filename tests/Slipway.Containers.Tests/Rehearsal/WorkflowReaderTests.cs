using Slipway.Containers.Rehearsal;

namespace Slipway.Containers.Tests.Rehearsal;

public sealed class WorkflowReaderTests
{
    private static string Workflow(string name) =>
        File.ReadAllText(Path.Combine(RepositoryRoot(), ".github", "workflows", name));

    [Fact]
    public void Expands_the_images_matrix_and_orders_the_merge_job_after_it()
    {
        var workflow = WorkflowReader.Read("images.yml", Workflow("images.yml"));

        var jobs = RehearsalJob.Expand(workflow);

        Assert.Equal(["build", "build", "merge"], jobs.Select(job => job.Job.Id));
        Assert.Equal(["linux/amd64", "linux/arm64"], jobs.Take(2).Select(job => job.Matrix["platform"]));
        Assert.Equal(["build"], jobs[2].Job.Needs);
        Assert.Contains("push", workflow.Triggers);
    }

    [Fact]
    public void Orders_jobs_by_needs_whatever_the_file_order()
    {
        var workflow = WorkflowReader.Read("w.yml", """
            on: push
            jobs:
              last:
                needs: [first, middle]
                runs-on: ubuntu-24.04
                steps: [{ run: echo last }]
              middle:
                needs: first
                runs-on: ubuntu-24.04
                steps: [{ run: echo middle }]
              first:
                runs-on: ubuntu-24.04
                steps: [{ run: echo first }]
            """);

        Assert.Equal(["first", "middle", "last"], RehearsalJob.Expand(workflow).Select(job => job.Job.Id));
    }

    [Fact]
    public void Refuses_what_it_cannot_rehearse_instead_of_skipping_it()
    {
        var services = Assert.Throws<SlipwayException>(() => WorkflowReader.Read("w.yml", """
            on: push
            jobs:
              build:
                runs-on: ubuntu-24.04
                services: { redis: { image: redis } }
                steps: [{ run: "true" }]
            """));
        Assert.Contains("job build uses 'services'", services.Message);

        var axes = Assert.Throws<SlipwayException>(() => WorkflowReader.Read("w.yml", """
            on: push
            jobs:
              build:
                runs-on: ubuntu-24.04
                strategy: { matrix: { os: [a, b] } }
                steps: [{ run: "true" }]
            """));
        Assert.Contains("matrix axis 'os'", axes.Message);
    }

    [Fact]
    public void Substitutes_the_contexts_it_knows_and_names_any_other_expression()
    {
        var expressions = new WorkflowExpressions(new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["matrix"] = new Dictionary<string, string> { ["platform"] = "linux/arm64" },
            ["github"] = new Dictionary<string, string> { ["repository"] = "acme/voice" },
        });

        Assert.Equal("./build.sh Push --platforms linux/arm64 to ghcr.io/acme/voice",
            expressions.Substitute("./build.sh Push --platforms ${{ matrix.platform }} to ghcr.io/${{github.repository}}"));
        Assert.Contains("${{ hashFiles('x') }}", Assert.Throws<SlipwayException>(() => expressions.Substitute("${{ hashFiles('x') }}")).Message);
        Assert.Contains("no value for ${{ github.token }}", Assert.Throws<SlipwayException>(() => expressions.Substitute("${{ github.token }}")).Message);
    }

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (Directory.Exists(Path.Combine(directory.FullName, ".github", "workflows")))
                return directory.FullName;
        throw new InvalidOperationException("the repository root (with .github/workflows) was not found above the test binaries");
    }
}
