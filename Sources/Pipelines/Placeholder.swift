// PLACEHOLDER — the Pipelines stage goes here.
import Yams
