package com.example.forks;

@SharedStack
class SharedOneTest extends UsesTheBox {
}
