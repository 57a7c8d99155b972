"""Decision letters (besluitbrieven): KB's PDF letter for each decision on a plan, a year
report or a licence. Made once in the decision's transaction from the context the deciding
app gives (``service.make_letter``), its HTML frozen then, its PDF rendered from that HTML the
first time it is needed and kept; attached to the outcome mail and downloadable by whoever may
see the decided object."""
