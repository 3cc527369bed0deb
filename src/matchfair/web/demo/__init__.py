"""The demo event of ``matchfair demo``: a Chengdu-Nordic technology dialogue, made by code."""
