using Slipway.Containers.Rehearsal;

namespace Slipway.Containers.Tests.Rehearsal;

/// <summary>No repository secret exists in the rehearsal: GITHUB_TOKEN is the local registry's password, and any other
/// secret a workflow names (a build secret's, say) gets a stand-in value instead of failing the rehearsal.</summary>
public sealed class RehearsalSecretsTests
{
    private const string WithBuildSecrets = """
        on: push
        jobs:
          build:
            runs-on: ${{ matrix.runner }}
            strategy: { matrix: { include: [{ platform: linux/amd64, runner: ubuntu-24.04 }] } }
            steps:
              - name: Run Push
                run: ./build.sh Push --platforms ${{ matrix.platform }} --push-by-digest
                env:
                  BUILD_SECRETS: id=pip,env=PIP_INDEX_TOKEN id=netrc,env=NETRC
                  GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}
                  NETRC: ${{secrets.NETRC}}
                  PIP_INDEX_TOKEN: ${{ secrets.PIP_INDEX_TOKEN }}
          merge:
            needs: build
            runs-on: ubuntu-24.04
            steps:
              - run: ./build.sh PushIndex
                env: { PIP_INDEX_TOKEN: "${{ secrets.PIP_INDEX_TOKEN }}" }
        """;

    [Fact]
    public void A_secret_other_than_the_token_gets_a_stand_in_value()
    {
        var workflow = WorkflowReader.Read("images.yml", WithBuildSecrets);
        var expressions = new WorkflowExpressions(new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["secrets"] = RehearsalSecrets.For(workflow, "registry-password"),
        });

        var env = expressions.Substitute(workflow.Jobs[0].Steps[0].Environment);

        Assert.Equal("rehearsal-stand-in-PIP_INDEX_TOKEN", env["PIP_INDEX_TOKEN"]);
        Assert.Equal("rehearsal-stand-in-NETRC", env["NETRC"]);
        Assert.Equal("registry-password", env["GITHUB_TOKEN"]);
        Assert.Equal("id=pip,env=PIP_INDEX_TOKEN id=netrc,env=NETRC", env["BUILD_SECRETS"]);
        Assert.Equal(["NETRC", "PIP_INDEX_TOKEN"], RehearsalSecrets.StandInNames(workflow).Order(StringComparer.Ordinal));
    }
}
