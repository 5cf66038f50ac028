USING samples[1]
