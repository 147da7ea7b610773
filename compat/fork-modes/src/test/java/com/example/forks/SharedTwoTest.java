package com.example.forks;

@SharedStack
class SharedTwoTest extends UsesTheBox {
}
