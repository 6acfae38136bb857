"""Returns between installs (报送包): a unit's signed package of one period, and its receipt by the sponsor."""
