"""A catalog that names a template of the wrong kind (a formulation laid out with the circular's
template, a 2024 formulation with the 2011 one…) is refused where the catalog names it, by
`pmg validate` and by `pmg render` alike: never an internal error, never an empty document."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from pmg_docs.cli import main

# catalog -> (the template it names, what that template lays out, an example written against it)
CATALOGS = {
    "pmg-2024": ("formulacion-2024", "formulation/objetivos", "examples/2024/aduanas.yaml"),
    "pmg-2011": ("formulacion-2011", "formulation/areas", "examples/2011/osorno.yaml"),
    "mei-2012": ("circular", "circular", "examples/circulars/circular-39-2011.md"),
}
TEMPLATES = {"formulacion-2024": "formulation/objetivos", "formulacion-2011": "formulation/areas",
             "circular": "circular", "guia-requisitos": "guide",
             "anexo-requisitos": "annex/requisitos"}
WRONG = [(catalog, template) for catalog, (own, _, _) in CATALOGS.items()
         for template in TEMPLATES if template != own]


def _catalog_naming(root, tmp_path, catalog: str, template: str):
    own = CATALOGS[catalog][0]
    text = (root / "catalogs" / f"{catalog}.yaml").read_text(encoding="utf-8")
    changed, count = re.subn(rf"(\n    template: ){own}\n", rf"\g<1>{template}\n", text)
    assert count == 1
    folder = tmp_path / "catalogs"
    folder.mkdir()
    (folder / f"{catalog}.yaml").write_text(changed, encoding="utf-8")
    line = changed[:changed.index(f"template: {template}\n")].count("\n") + 1
    return folder, line


@pytest.mark.parametrize("catalog, template", WRONG, ids=[f"{c}-{t}" for c, t in WRONG])
def test_a_template_of_another_kind_is_refused_at_the_catalogs_line(tmp_path, root, catalog,
                                                                      template):
    folder, line = _catalog_naming(root, tmp_path, catalog, template)
    wanted = CATALOGS[catalog][1]
    expected = (f"{catalog}.yaml:{line}: documents.{CATALOGS[catalog][1].split('/')[0]}.template: "
                f"la plantilla «{template}» diagrama {TEMPLATES[template]}, no {wanted}")
    validated = CliRunner().invoke(main, ["validate", "--catalogs", str(folder),
                                          str(folder / f"{catalog}.yaml")])
    assert validated.exit_code == 1
    assert expected in validated.output
    out = tmp_path / "out"
    rendered = CliRunner().invoke(main, ["render", "--catalogs", str(folder), "-o", str(out),
                                         str(root / CATALOGS[catalog][2])])
    assert rendered.exit_code == 1, rendered.output
    assert expected in rendered.output
    assert not out.exists()


def test_a_user_template_that_declares_another_kind_is_refused(tmp_path, root):
    templates = tmp_path / "tpl"
    templates.mkdir()
    (templates / "formulacion-2024.html.j2").write_text(
        "{#- pmg: formulation/areas -#}\n{% extends 'base.html.j2' %}", encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(root / "examples/2024/aduanas.yaml"),
                                       "--templates", str(templates), "-o", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert ("pmg-2024.yaml:16: documents.formulation.template: la plantilla «formulacion-2024» "
            "diagrama formulation/areas, no formulation/objetivos") in result.output


def test_rendering_a_catalog_is_a_located_error(tmp_path, root):
    result = CliRunner().invoke(main, ["render", str(root / "catalogs/pmg-2024.yaml"),
                                       "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "pmg-2024.yaml:4: kind: un catálogo es datos, no un documento que diagramar" \
        in result.output
    assert not (tmp_path / "out").exists()
