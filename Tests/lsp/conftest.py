"""Shared set-up of the language server tests: a copy of the `basic` fixture site per test,
and a client connected to `charter lsp` with that copy as its workspace."""

import os
import pathlib
import shutil

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]
FIXTURE = REPOSITORY / "Tests/CharterKitTests/Fixtures/Sites/basic/site"
CHARTER = os.environ.get("CHARTER", str(REPOSITORY / ".build/debug/charter"))
# The fixture's day (2026-11-01), so that no review date passes while the tests age.
ENVIRONMENT = {**os.environ, "SOURCE_DATE_EPOCH": "1761955200"}


@pytest.fixture
def site(tmp_path: pathlib.Path) -> pathlib.Path:
    root = tmp_path / "site"
    shutil.copytree(FIXTURE, root)
    return root


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[CHARTER, "lsp"], server_env=ENVIRONMENT))
async def client(lsp_client: LanguageClient, site: pathlib.Path):
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(
                workspace=types.WorkspaceClientCapabilities(
                    workspace_edit=types.WorkspaceEditClientCapabilities(
                        document_changes=True, resource_operations=[types.ResourceOperationKind.Rename]),
                    file_operations=types.FileOperationClientCapabilities(will_rename=True),
                ),
            ),
            workspace_folders=[types.WorkspaceFolder(uri=site.as_uri(), name="site")],
        )
    )
    yield
    await lsp_client.shutdown_session()
