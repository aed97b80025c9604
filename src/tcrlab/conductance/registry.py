"""The registries of joint models: constriction (contact) models, gap models and separation relations.

(The microhardness models, which give the contact models their P/H_c, are registered in
:data:`tcrlab.mechanics.microhardness.MICROHARDNESS_MODELS`; :func:`model_table` lists them too.)

One entry per model names its function, the inputs it needs, its mean-plane separation relation, its
source and its validity range. :class:`tcrlab.Joint`, the case files, the ``--contact-model`` and
``--gap-model`` choices of ``tcrlab joint`` and the model table of docs/joint.md all read these
dictionaries, so adding a model is one tested function plus one :func:`register_contact_model` (or
:func:`register_gap_model`) call.

Input names a contact model may ask for (all SI, computed by the joint from its solids and surfaces):

===============  =============================================================================
``k_s``          harmonic-mean conductivity 2k₁k₂/(k₁ + k₂) [W/(m K)]
``k1``, ``k2``   conductivities of the two solids [W/(m K)]
``sigma``        combined RMS roughness σ [m]
``m``            combined RMS slope [-]
``pressure``     contact pressure P [Pa]
``p_over_h``     relative contact pressure P/H_c of the softer solid (microhardness model) [-]
``hardness``     contact microhardness H_c = P/(P/H_c) [Pa]
``E_eff``        effective modulus E' [Pa]
``flow_stress``  flow stress S_f of the softer solid [Pa]
===============  =============================================================================
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tcrlab.conductance.constriction import (
    asperity_conductance,
    asperity_spots_conductance,
    cmy_conductance,
    cmy_correlation_conductance,
    elastoplastic_conductance,
    mikic_elastic_conductance,
)
from tcrlab.conductance.gap import gap_conductance_integral, gap_conductance_simple
from tcrlab.errors import InputError
from tcrlab.mechanics.area import elastic_area_ratio, elastoplastic_area_ratio, plastic_area_ratio
from tcrlab.mechanics.elastoplastic import elastoplastic_weight
from tcrlab.mechanics.microhardness import MICROHARDNESS_MODELS
from tcrlab.mechanics.separation import (
    elastic_separation,
    elastoplastic_separation,
    plastic_separation,
)

__all__ = [
    "CONTACT_INPUTS",
    "CONTACT_MODELS",
    "GAP_MODELS",
    "SEPARATIONS",
    "ContactModel",
    "GapModel",
    "SeparationRelation",
    "get_contact_model",
    "get_gap_model",
    "model_key",
    "model_table",
    "register_contact_model",
    "register_gap_model",
]

CONTACT_INPUTS = ("k_s", "k1", "k2", "sigma", "m", "pressure", "p_over_h", "hardness", "E_eff", "flow_stress")


@dataclass(frozen=True)
class SeparationRelation:
    """How a contact model's load sets the mean-plane separation Y [m] and the real-area ratio A_r/A_0.

    ``separation(*inputs)`` gives Y, ``area_ratio(*area_inputs)`` gives A_r/A_0; ``details`` maps a name to
    (function, inputs) of further quantities a joint reports (e.g. the plastic weight of a blend).

    Attributes
    ----------
    name : str
        Registry name of the relation ("plastic", "elastic", "elastoplastic").
    separation : callable
        Function giving the mean-plane separation Y [m] from ``inputs``.
    inputs : tuple of str
        Input names of ``separation`` (see the module docstring).
    area_ratio : callable
        Function giving A_r/A_0 [-] from ``area_inputs``.
    area_inputs : tuple of str
        Input names of ``area_ratio``.
    source : str
        Literature source and formulas.
    details : tuple, optional
        (name, function, inputs) of further reported quantities.
    """

    name: str
    separation: Callable[..., Any]
    inputs: tuple[str, ...]
    area_ratio: Callable[..., Any]
    area_inputs: tuple[str, ...]
    source: str
    details: tuple[tuple[str, Callable[..., Any], tuple[str, ...]], ...] = ()


@dataclass(frozen=True)
class ContactModel:
    """A constriction (solid-spot) conductance model: ``function(*inputs)`` → h_c [W/(m² K)].

    Attributes
    ----------
    name : str
        Registry name of the model.
    function : callable
        The model function, returning h_c [W/(m²·K)].
    inputs : tuple of str
        Input names among :data:`CONTACT_INPUTS`, in the function's argument order.
    separation : str
        Name of the matching entry of :data:`SEPARATIONS`.
    source : str
        Literature source.
    validity : str
        Validity range.
    description : str, optional
        One-line description.
    """

    name: str
    function: Callable[..., Any]
    inputs: tuple[str, ...]
    separation: str
    source: str
    validity: str
    description: str = ""

    def __post_init__(self) -> None:
        unknown = [i for i in self.inputs if i not in CONTACT_INPUTS]
        if unknown:
            raise InputError(f"inputs of contact model {self.name!r}", unknown, "names among: "
                             + ", ".join(CONTACT_INPUTS))
        if self.separation not in SEPARATIONS:
            raise InputError(f"separation of contact model {self.name!r}", self.separation,
                             "one of: " + ", ".join(SEPARATIONS))


@dataclass(frozen=True)
class GapModel:
    """A gap conductance model: ``function(k_gas, sigma, Y, M)`` → h_g [W/(m² K)].

    Attributes
    ----------
    name : str
        Registry name of the model.
    function : callable
        The model function ``function(k_gas, sigma, Y, M)``, returning h_g [W/(m²·K)].
    source : str
        Literature source.
    validity : str
        Validity range.
    description : str, optional
        One-line description.
    """

    name: str
    function: Callable[..., Any]
    source: str
    validity: str
    description: str = ""


_CMY = "Cooper, Mikic & Yovanovich, Int. J. Heat Mass Transfer 12 (1969) 279–300"
_Y82 = "Yovanovich, AIAA Prog. Astronaut. Aeronaut. 83 (1982) 83–95"
_MIKIC = "Mikic, Int. J. Heat Mass Transfer 17 (1974) 205–214"
_SY96 = "Sridhar & Yovanovich, J. Heat Transfer 118 (1996) 3–9"
_YDH = "Yovanovich, De Vaal & Hegazy, AIAA-82-0888 (1982); Song, Yovanovich & Goodman, J. Heat Transfer 115 " \
       "(1993) 533–540"

SEPARATIONS: dict[str, SeparationRelation] = {s.name: s for s in (
    SeparationRelation("plastic", plastic_separation, ("sigma", "p_over_h"), plastic_area_ratio,
                       ("pressure", "hardness"), f"{_CMY}; Y = √2 σ erfc⁻¹(2P/H_c), A_r/A_0 = P/H_c"),
    SeparationRelation("elastic", elastic_separation, ("sigma", "m", "pressure", "E_eff"), elastic_area_ratio,
                       ("m", "pressure", "E_eff"), f"{_MIKIC}; Y = √2 σ erfc⁻¹(4P/H_e), A_r/A_0 = P/H_e"),
    SeparationRelation("elastoplastic", elastoplastic_separation, ("sigma", "m", "pressure", "E_eff", "flow_stress"),
                       elastoplastic_area_ratio, ("m", "pressure", "E_eff", "flow_stress"),
                       f"{_SY96}; the elastic and plastic relations blended as h_c, A_r/A_0 = P/H_ep",
                       (("plastic_weight", elastoplastic_weight, ("m", "E_eff", "flow_stress")),)),
)}

CONTACT_MODELS: dict[str, ContactModel] = {}
GAP_MODELS: dict[str, GapModel] = {}


def model_key(name: str) -> str:
    """The registry key of a model name: lower case, '-' for '_' and spaces.

    Parameters
    ----------
    name : str
        Model name as written by the user.

    Returns
    -------
    str
        The registry key.

    Examples
    --------
    >>> model_key("CMY_correlation")
    'cmy-correlation'
    """
    return str(name).strip().lower().replace("_", "-").replace(" ", "-")


def register_contact_model(model: ContactModel) -> ContactModel:
    """Add (or replace) a contact model; :class:`tcrlab.Joint`, case files and the CLI see it at once.

    Parameters
    ----------
    model : ContactModel
        The entry to register under :func:`model_key` of its name.

    Returns
    -------
    ContactModel
        ``model`` itself.
    """
    CONTACT_MODELS[model_key(model.name)] = model
    return model


def register_gap_model(model: GapModel) -> GapModel:
    """Add (or replace) a gap model.

    Parameters
    ----------
    model : GapModel
        The entry to register under :func:`model_key` of its name.

    Returns
    -------
    GapModel
        ``model`` itself.
    """
    GAP_MODELS[model_key(model.name)] = model
    return model


def get_contact_model(name: str) -> ContactModel:
    """The entry ``name`` of :data:`CONTACT_MODELS` (InputError ``contact_model`` listing the names).

    Parameters
    ----------
    name : str
        Contact model name (any case, '_' or '-').

    Returns
    -------
    ContactModel
        The registered entry.

    Examples
    --------
    >>> get_contact_model("CMY").inputs
    ('k_s', 'sigma', 'm', 'p_over_h')
    """
    entry = CONTACT_MODELS.get(model_key(name))
    if entry is None:
        raise InputError("contact_model", name, ", ".join(CONTACT_MODELS))
    return entry


def get_gap_model(name: str) -> GapModel:
    """The entry ``name`` of :data:`GAP_MODELS` (InputError ``gap_model`` listing the names).

    Parameters
    ----------
    name : str
        Gap model name (any case, '_' or '-').

    Returns
    -------
    GapModel
        The registered entry.

    Examples
    --------
    >>> get_gap_model("simple").function.__name__
    'gap_conductance_simple'
    """
    entry = GAP_MODELS.get(model_key(name))
    if entry is None:
        raise InputError("gap_model", name, " or ".join(GAP_MODELS))
    return entry


def model_table() -> str:
    """The Markdown tables of the registered contact, gap, microhardness and separation models (docs/joint.md).

    Returns
    -------
    str
        Four Markdown tables separated by blank lines.

    Examples
    --------
    >>> model_table().splitlines()[0]
    '| contact model | function | inputs | separation | source | validity |'
    """
    def row(*cells: str) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    lines = [row("contact model", "function", "inputs", "separation", "source", "validity"),
             row(*["---"] * 6)]
    for name, e in CONTACT_MODELS.items():
        lines.append(row(f"`{name}`", f"`{e.function.__module__}.{e.function.__name__}`",
                         ", ".join(e.inputs), e.separation, e.source, e.validity))
    lines += ["", row("gap model", "function", "description", "source", "validity"), row(*["---"] * 5)]
    for name, g in GAP_MODELS.items():
        lines.append(row(f"`{name}`", f"`{g.function.__module__}.{g.function.__name__}`", g.description,
                         g.source, g.validity))
    lines += ["", row("microhardness model", "function", "inputs", "source", "validity"), row(*["---"] * 5)]
    for kind, h in MICROHARDNESS_MODELS.items():
        lines.append(row(f"`{kind}`", f"`{h.function.__module__}.{h.function.__name__}`", ", ".join(h.inputs),
                         h.source, h.validity))
    lines += ["", row("separation", "Y", "A_r/A_0", "source"), row(*["---"] * 4)]
    for name, r in SEPARATIONS.items():
        lines.append(row(name, f"`{r.separation.__name__}({', '.join(r.inputs)})`",
                         f"`{r.area_ratio.__name__}({', '.join(r.area_inputs)})`", r.source))
    return "\n".join(lines) + "\n"


for _m in (
    ContactModel("cmy", cmy_conductance, ("k_s", "sigma", "m", "p_over_h"), "plastic",
                 f"{_CMY}; exact Gaussian form of {_Y82}", "1e-5 ≤ P/H_c ≤ 2e-2 (warned outside)",
                 "plastic asperities, exact CMY (default)"),
    ContactModel("cmy-correlation", cmy_correlation_conductance, ("k_s", "sigma", "m", "p_over_h"), "plastic",
                 f"{_Y82}: 1.25 (P/H_c)^0.95", "1e-5 ≤ P/H_c ≤ 2e-2; within 1.53 % of the exact form",
                 "plastic asperities, correlation"),
    ContactModel("mikic", mikic_elastic_conductance, ("k_s", "sigma", "m", "pressure", "E_eff"), "elastic",
                 f"{_MIKIC}; coefficient 1.54 as quoted by {_SY96}", "1e-5 ≤ P/H_e ≤ 2e-2; 4P < H_e",
                 "elastic asperities, H_e = mE'/√2"),
    ContactModel("elastoplastic", elastoplastic_conductance,
                 ("k_s", "sigma", "m", "pressure", "E_eff", "flow_stress"), "elastoplastic",
                 f"{_SY96} (H_ep, ε*); log-linear Mikic ↔ CMY blend by tcrlab", "ε* ≤ 400; 1e-5 ≤ P/H ≤ 2e-2; "
                 "transition 1 ≲ ε* ≲ 40 not validated", "Mikic ↔ CMY blend weighted by ε*"),
    ContactModel("asperity", asperity_spots_conductance, ("k1", "k2", "sigma", "m", "pressure", "hardness"),
                 "plastic", f"Holm (1967) spots with the CMY spot density ({_CMY})", "P/H ≲ 1e-2 (no flux-tube "
                 "correction); warned outside 1e-5 ≤ P/H ≤ 2e-2", "self-consistent plastic-spot sum"),
    ContactModel("asperity-article", asperity_conductance, ("k1", "k2", "sigma", "m", "pressure", "hardness"),
                 "plastic", "Holm (1967) single-spot formula with the CMY spot density",
                 "as 'asperity'; half its h_c — kept to reproduce the article", "introductory formula"),
):
    register_contact_model(_m)

for _g in (
    GapModel("integral", gap_conductance_integral, _YDH, "continuum to transition regime, Λ/Y ≲ 10; M > 0",
             "(k_g/σ)·I(Y/σ, M/σ) over the Gaussian gap distribution (default)"),
    GapModel("simple", gap_conductance_simple, _YDH, "as 'integral'; 6–20 % below it in the usual range",
             "k_g/(Y + M), one gap of the mean-plane width"),
):
    register_gap_model(_g)
del _m, _g
